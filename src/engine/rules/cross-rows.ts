import type { FieldId } from '../fields';
import type { FieldColumns } from '../sheet-input';
import type { TemplateId } from '../templates';
import { nameKey } from '../customers/name';
import { DETAILS, customerId, idField, newCustomer, type Customer, type Detail, type Line } from './customers';
import { label, labelled, quote } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const CROSS_ROW_PROBLEMS = {
  EMAIL_REUSED: 'Emails used by two customers',
  CONTACT_DUPLICATE: 'Contacts listed twice',
  MAIN_CONTACT_DUPLICATE: 'Several main contacts for one customer',
  CUSTOMER_DETAILS_DIFFER: 'Customer details that differ between lines',
  CUSTOMER_ID_NEEDED: 'Customer IDs needed',
  CUSTOMER_ID_REUSED: 'Customer IDs used for two customers',
} as const;

function sameDetail(id: Detail, a: string, b: string): boolean {
  if (a === b) return true;
  if (id === 'groupName') return nameKey(a) === nameKey(b);
  if (id === 'accountManagers') return a.split(',').sort().join() === b.split(',').sort().join();
  return false;
}

const customerLabel = (customer: Customer): string => quote(customer.name ?? customer.id ?? '');

/**
 * Rules between lines: a customer's lines agree on its details and have one main contact,
 * IDs and names identify customers without ambiguity, and a contact belongs to one customer.
 * Identity is the Upflow ID when present, else the ID, else the name. Returns the customers of the sheet for the group rules.
 */
export function checkAcrossRows(report: Report, lines: readonly Line[], template: TemplateId, columns: FieldColumns): Customer[] {
  // Which IDs each name is used with, and which name each ID first came with.
  const idsOfName = new Map<string, Set<string>>();
  const nameOfId = new Map<string, { name: string; line: number }>();
  for (const { index, values } of lines) {
    const id = customerId(values, template);
    if (id === undefined || values.customerName === undefined) continue;
    // Lines of one customer repeat its ID: only its first line needs indexing.
    if (nameOfId.has(id)) {
      if (nameOfId.get(id)!.name === values.customerName) continue;
    } else {
      nameOfId.set(id, { name: values.customerName, line: index });
    }
    const key = nameKey(values.customerName);
    let ids = idsOfName.get(key);
    if (!ids) idsOfName.set(key, (ids = new Set()));
    ids.add(id);
  }

  const customers: Customer[] = [];
  const byId = new Map<string, Customer>();
  const byName = new Map<string, Customer>();
  const byUpflowId = new Map<string, Customer>();
  const mainOf = new Map<Customer, number>();
  const contactOwner = new Map<string, { line: number; customer: Customer }>();

  for (const { index, values } of lines) {
    const id = customerId(values, template);
    const name = values.customerName;
    const upflowId = values.upflowId;
    if (id === undefined && name === undefined && upflowId === undefined) continue;

    if (id !== undefined && name !== undefined) {
      const first = nameOfId.get(id);
      if (first && first.name !== name && nameKey(first.name) !== nameKey(name)) {
        report.error(
          index,
          idField(values, template),
          'CUSTOMER_ID_REUSED',
          `${labelled(idField(values, template), id)} already names the customer ${quote(first.name)} on row ${report.rowOf(first.line)}, so it can't also name ${quote(name)}.`,
          'Give each customer its own ID, or use the same customer name on both lines.',
        );
      }
    }
    if (id === undefined && upflowId === undefined && name !== undefined && template !== 'assign') {
      const ids = idsOfName.get(nameKey(name));
      if (ids) {
        const list = [...ids];
        const at: FieldId = columns.customerId !== undefined ? 'customerId' : 'customerName';
        report.error(
          index,
          at,
          'CUSTOMER_ID_NEEDED',
          `${label('customerId')} is missing: other lines named ${quote(name)} have one (${list.slice(0, 3).join(', ')}), so Upflow can't tell which customer this line is about.`,
          list.length === 1 ? `Apply the suggested ID if this line belongs to that customer.` : 'Fill in the Customer ID of the customer this line belongs to.',
          list.length === 1 && at === 'customerId' ? list[0] : undefined,
        );
      }
    }

    // The Upflow ID names the very customer (a pulled sheet): two customers may share a name, even without a Customer ID.
    const registry = upflowId !== undefined ? byUpflowId : id !== undefined ? byId : byName;
    const key = upflowId ?? id ?? nameKey(name!);
    let customer = registry.get(key);
    if (!customer) {
      customer = newCustomer(name, id);
      registry.set(key, customer);
      customers.push(customer);
    }
    customer.name ??= name;
    for (const detail of DETAILS) {
      const value = values[detail];
      if (value === undefined) continue;
      const seen = customer.details[detail];
      if (!seen) {
        customer.details[detail] = { value, line: index };
      } else if (!sameDetail(detail, seen.value, value)) {
        report.error(
          index,
          detail,
          'CUSTOMER_DETAILS_DIFFER',
          `${labelled(detail, value)} differs from ${quote(seen.value)} on row ${report.rowOf(seen.line)}, for the same customer ${customerLabel(customer)}.`,
          'Use the same value on every line of this customer, or leave the cell empty on its other lines.',
        );
      }
    }

    if (values.mainContact === '1') {
      const first = mainOf.get(customer);
      if (first === undefined) mainOf.set(customer, index);
      else {
        report.error(
          index,
          'mainContact',
          'MAIN_CONTACT_DUPLICATE',
          `${customerLabel(customer)} already has its main contact on row ${report.rowOf(first)}: a customer has only one main contact.`,
          'Keep 1 on a single line of this customer and clear it on the others.',
        );
      }
    }

    const email = values.contactEmail;
    if (email !== undefined) {
      const owner = contactOwner.get(email);
      if (!owner) contactOwner.set(email, { line: index, customer });
      else if (owner.customer === customer) {
        report.warning(
          index,
          'contactEmail',
          'CONTACT_DUPLICATE',
          `${labelled('contactEmail', email)} already appears on row ${report.rowOf(owner.line)} for the same customer: this line repeats that contact.`,
          'Delete one of the two lines, or merge their details into one.',
        );
      } else {
        report.error(
          index,
          'contactEmail',
          'EMAIL_REUSED',
          `${labelled('contactEmail', email)} is already a contact of ${customerLabel(owner.customer)} on row ${report.rowOf(owner.line)}: in Upflow a contact belongs to one customer only.`,
          'Use another email for this contact, or keep the contact on one customer only.',
        );
      }
    }
  }
  return customers;
}
