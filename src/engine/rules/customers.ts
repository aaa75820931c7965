import { FIELD_IDS, field, type FieldId, type FieldIdIn } from '../fields';
import type { TemplateId } from '../templates';

export type Values = Partial<Record<FieldId, string>>;

/** A non-blank line once its cells were checked: its index in input.rows and its cleaned values. */
export interface Line {
  index: number;
  values: Values;
}

/**
 * Customer details that must be the same on every line of a customer (an empty cell is fine): every
 * field of the customer, group and assignment sections but the two that tell customers apart, the
 * name and the Upflow ID (src/engine/rules/cross-rows.ts and upflow-ids.ts check those).
 */
const NOT_DETAILS = ['customerName', 'upflowId'] as const satisfies readonly FieldId[];
export type Detail = Exclude<FieldIdIn<'customer' | 'group' | 'assignment'>, (typeof NOT_DETAILS)[number]>;
export const DETAILS: readonly Detail[] = FIELD_IDS.filter((id): id is Detail => field(id).section !== 'contact' && !(NOT_DETAILS as readonly FieldId[]).includes(id));

/** One customer of the sheet, gathered from all its lines. */
export interface Customer {
  name: string | undefined;
  id: string | undefined;
  /** First value seen for each detail, and the line it came from. */
  details: Record<Detail, { value: string; line: number } | undefined>;
}

export function newCustomer(name: string | undefined, id: string | undefined): Customer {
  // Every detail key set up front: one object shape for all customers keeps property access fast.
  const details = {} as Customer['details'];
  for (const detail of DETAILS) details[detail] = undefined;
  return { name, id, details };
}

/**
 * The customer's ID: its Customer ID; in "assign" its External ID; in "all", where both columns
 * feed the API's externalId, the Customer ID or else the External ID.
 */
export function customerId(values: Values, template: TemplateId): string | undefined {
  if (template === 'assign') return values.externalId;
  return values.customerId ?? (template === 'all' ? values.externalId : undefined);
}

/** The field the line's ID came from, for pointing at it. */
export function idField(values: Values, template: TemplateId): FieldId {
  if (template === 'assign') return 'externalId';
  return values.customerId === undefined && template === 'all' && values.externalId !== undefined ? 'externalId' : 'customerId';
}
