import { field, typedFields, type FieldId } from '../fields';
import { sheetValues } from '../placed-values';
import { TEMPLATES } from '../templates';
import type { Contact, Customer, DunningPlan, Member } from '../upflow/schemas';
import { positionLabel } from '../rules/position';

/** What the pull read from Upflow: every customer with its contacts, the members and the workflows. */
export interface PulledOrganisation {
  customers: ReadonlyArray<Customer & { contacts: Contact[] }>;
  members: readonly Member[];
  workflows: readonly DunningPlan[];
}

/** Upflow's own ids of the customer and the contact: what makes a pulled line update exactly what it came from. */
export const UPFLOW_ID_FIELDS: readonly FieldId[] = ['upflowId', 'upflowContactId'];

/**
 * The columns of a pulled sheet: those of the "All of the above" template, in its order, then the
 * Upflow IDs, last so that hiding them leaves the columns a person edits together.
 */
export const PULLED_FIELDS: readonly FieldId[] = [...typedFields(TEMPLATES.all.fields), ...UPFLOW_ID_FIELDS];

/** Names for the ids a customer holds: members' emails, workflows' names, and customers that may be groups. */
export interface SheetNames {
  members: readonly Member[];
  workflows: readonly DunningPlan[];
  customers?: ReadonlyMap<string, Customer>;
}

/**
 * Upflow's customers laid out as the "All of the above" template: one line per contact, the
 * customer's columns repeated on each, a customer without contacts on one line. Account managers
 * are their emails and workflows their names, as a person types them, so the sheet imports back
 * unchanged. Lines come in the list's order; the header comes first.
 */
export function customerSheet(pulled: PulledOrganisation): string[][] {
  const customers = new Map<string, Customer>(pulled.customers.map((c) => [c.id, c]));
  return [[...PULLED_HEADER], ...customerLines(pulled.customers, { ...pulled, customers })];
}

export const PULLED_HEADER: readonly string[] = PULLED_FIELDS.map((id) => field(id).label);

/**
 * The lines of some customers, for a pull written a page at a time. A group is named from
 * `names.customers` when it is there, else from what the customer's answer says of it.
 */
export function customerLines(customers: ReadonlyArray<Customer & { contacts: Contact[] }>, names: SheetNames): string[][] {
  const emailOf = new Map(names.members.map((m) => [m.id, m.email]));
  const planName = new Map(names.workflows.map((w) => [w.id, w.name]));
  const rows: string[][] = [];
  for (const customer of customers) {
    const parent = customer.parent ? names.customers?.get(customer.parent.id) : undefined;
    const managers = customer.accountManagerIds?.length ? customer.accountManagerIds : customer.accountManagerId ? [customer.accountManagerId] : [];
    const own: Partial<Record<FieldId, string>> = {
      upflowId: customer.id,
      customerName: customer.name,
      customerId: customer.externalId ?? '',
      ...sheetValues(customer, 'customer'),
      ...sheetValues(customer.address, 'address'),
      groupName: parent?.name ?? customer.parent?.name ?? '',
      groupId: parent?.externalId ?? customer.parent?.externalId ?? '',
      accountManagers: managers
        .map((id) => emailOf.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
      workflow: customer.dunningPlanId ? (planName.get(customer.dunningPlanId) ?? '') : '',
    };
    const lines = customer.contacts.length ? customer.contacts : [null];
    for (const contact of lines) {
      const values: Partial<Record<FieldId, string>> = contact
        ? {
            ...own,
            contactEmail: contact.email ?? '',
            ...sheetValues(contact, 'contact'),
            // Upflow's position codes as a person types them (Sales for SALES), which the check reads back.
            position: contact.position ? positionLabel(contact.position) : '',
            mainContact: contact.isMain ? '1' : '',
            upflowContactId: contact.id,
          }
        : own;
      rows.push(PULLED_FIELDS.map((id) => values[id] ?? ''));
    }
  }
  return rows;
}
