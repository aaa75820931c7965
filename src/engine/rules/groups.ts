import type { FieldId } from '../fields';
import { nameKey } from '../customers/name';
import type { Customer } from './customers';
import { labelled, quote } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const GROUP_PROBLEMS = {
  GROUP_NOT_FOUND: 'Groups not found',
  GROUP_NOT_CHECKED: 'Groups not checked against Upflow',
  GROUP_ID_MISMATCH: 'Group ID and Group name disagree',
  GROUP_AMBIGUOUS: 'Group names shared by several customers',
  GROUP_SELF: 'Customers named as their own group',
  GROUP_CYCLE: 'Groups in a circle',
} as const;

export interface KnownCustomer {
  name: string;
  externalId?: string | null;
}

interface Where {
  line: number;
  field: FieldId;
}

/** Customers already in Upflow, by lower-cased name and by external ID. */
class Upflow {
  readonly names = new Set<string>();
  readonly byExternalId = new Map<string, string>();
  constructor(customers: readonly KnownCustomer[]) {
    for (const c of customers) {
      this.names.add(nameKey(c.name.trim()));
      if (c.externalId) this.byExternalId.set(c.externalId, c.name);
    }
  }
}

/**
 * A customer's group (Group name, and Group ID when given) must be a customer of the sheet or
 * one already in Upflow; no customer is its own group, directly or through a circle of groups.
 * Without the list of Upflow's customers, a group missing from the sheet can't be checked:
 * that is a warning, not a reason to block the line.
 */
export function checkGroups(report: Report, customers: readonly Customer[], known: readonly KnownCustomer[] | undefined): void {
  const byId = new Map<string, Customer>();
  const byName = new Map<string, Customer[]>();
  for (const customer of customers) {
    if (customer.id !== undefined && !byId.has(customer.id)) byId.set(customer.id, customer);
    if (customer.name === undefined) continue;
    const key = nameKey(customer.name);
    const same = byName.get(key);
    if (same) same.push(customer);
    else byName.set(key, [customer]);
  }
  const upflow = known ? new Upflow(known) : undefined;
  const parentOf = new Map<Customer, Customer>();
  const whereOf = new Map<Customer, Where>();

  for (const customer of customers) {
    const groupName = customer.details.groupName;
    const groupId = customer.details.groupId;
    if (!groupName && !groupId) continue;
    const where: Where = groupName ? { line: groupName.line, field: 'groupName' } : { line: groupId!.line, field: 'groupId' };
    whereOf.set(customer, where);
    const shown = groupName?.value ?? groupId!.value;
    let parent: Customer | undefined;
    let inUpflow = false;

    if (groupId) {
      parent = byId.get(groupId.value);
      const upflowName = parent ? undefined : upflow?.byExternalId.get(groupId.value);
      const actualName = parent?.name ?? upflowName;
      inUpflow = upflowName !== undefined;
      if (groupName && actualName !== undefined && nameKey(actualName) !== nameKey(groupName.value)) {
        report.error(
          groupName.line,
          'groupName',
          'GROUP_ID_MISMATCH',
          `${labelled('groupName', groupName.value)} doesn't match Group ID ${quote(groupId.value)}, which is the customer ${quote(actualName)}.`,
          'Make the Group name and the Group ID designate the same customer.',
        );
        continue;
      }
    } else if (groupName) {
      const candidates = byName.get(nameKey(groupName.value));
      if (candidates && candidates.length > 1) {
        report.error(
          groupName.line,
          'groupName',
          'GROUP_AMBIGUOUS',
          `${labelled('groupName', groupName.value)} is the name of ${candidates.length} customers of this sheet, so the group is ambiguous.`,
          "Fill in the Group ID with the group's Customer ID.",
        );
        continue;
      }
      parent = candidates?.[0];
      inUpflow = !parent && upflow !== undefined && upflow.names.has(nameKey(groupName.value));
    }

    if (parent === customer) {
      report.error(
        where.line,
        where.field,
        'GROUP_SELF',
        `${labelled(where.field, shown)} is this customer itself: a customer can't be its own group.`,
        'Put the name of its parent company, or clear the group cells of this customer.',
      );
      continue;
    }
    if (parent) {
      parentOf.set(customer, parent);
      continue;
    }
    if (inUpflow) continue;
    const at: Where = groupId ? { line: groupId.line, field: 'groupId' } : where;
    if (upflow) {
      report.error(
        at.line,
        at.field,
        'GROUP_NOT_FOUND',
        `${labelled(at.field, groupId?.value ?? shown)}: no customer of this sheet or of your Upflow organisation is this group.`,
        "Add the group's own line to this sheet, or correct the group's name or ID.",
      );
    } else {
      report.warning(
        at.line,
        at.field,
        'GROUP_NOT_CHECKED',
        `${labelled(at.field, groupId?.value ?? shown)} isn't a customer of this sheet, and Upflow's customers couldn't be checked.`,
        "Make sure this group already exists in Upflow, or add the group's own line to this sheet.",
      );
    }
  }
  reportCycles(report, parentOf, whereOf);
}

/** Each circle of groups (A in B, B in A; or longer) is reported on the group cell of every customer in it. */
function reportCycles(report: Report, parentOf: ReadonlyMap<Customer, Customer>, whereOf: ReadonlyMap<Customer, Where>): void {
  const done = new Set<Customer>();
  for (const start of parentOf.keys()) {
    const path: Customer[] = [];
    const onPath = new Set<Customer>();
    let node: Customer | undefined = start;
    while (node && !done.has(node) && !onPath.has(node)) {
      path.push(node);
      onPath.add(node);
      node = parentOf.get(node);
    }
    if (node && onPath.has(node)) {
      const circle = path.slice(path.indexOf(node));
      const names = [...circle, node].map((c) => c.name ?? c.id ?? '?').join(' → ');
      for (const member of circle) {
        const where = whereOf.get(member)!;
        report.error(
          where.line,
          where.field,
          'GROUP_CYCLE',
          `Groups go round in a circle: ${names}. A group can't belong to one of its own subsidiaries.`,
          'Clear or correct the group of one of these customers.',
        );
      }
    }
    for (const visited of path) done.add(visited);
  }
}
