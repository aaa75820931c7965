import type { FieldId } from '../fields';
import { nameKey } from '../customers/name';
import type { RowRecord } from '../sheet-input';
import type { Reporter } from './report';

/** The problems the import plan reports from here, each with the heading the sidebar groups it under. */
export const IDENTITY_PROBLEMS = {
  AMBIGUOUS_CUSTOMER: 'Lines that could belong to several customers',
  EXTERNAL_ID_NEEDED: 'External IDs needed',
  CUSTOMER_UNKNOWN: 'Lines naming no customer',
} as const;

export type Mode = 'import' | 'assign';
type Values = Partial<Record<FieldId, string>>;

/**
 * Customer ID and External ID both feed Upflow's `externalId`. An import identifies customers by
 * Customer ID (the seed article's identity rule); an assignment finds them by External ID.
 */
export function idFieldsOf(mode: Mode): [FieldId, FieldId] {
  return mode === 'assign' ? ['externalId', 'customerId'] : ['customerId', 'externalId'];
}

export function customerIdOf(values: Values, mode: Mode): string | undefined {
  const [first, second] = idFieldsOf(mode);
  return values[first] ?? values[second];
}

export interface CustomerLines {
  key: string;
  lines: RowRecord[];
}

/**
 * Puts the lines of each customer together. Upflow ID first (a pulled sheet names the very
 * customer), then Customer ID, then name. A line without an Upflow ID joins the one customer of
 * the sheet that carries its Customer ID with an Upflow ID; a line with only a name joins the
 * customer of the sheet that carries that name with an ID (contact lines often repeat just the
 * name), so one customer isn't sent twice; with several such customers the line can't be placed.
 */
export function groupLines(records: RowRecord[], mode: Mode, report: Reporter): { groups: CustomerLines[]; refused: number[] } {
  const byKey = new Map<string, RowRecord[]>();
  const idKeysByName = new Map<string, Set<string>>();
  const upflowKeysById = new Map<string, Set<string>>();
  const refused: number[] = [];
  const add = (key: string, record: RowRecord) => byKey.set(key, [...(byKey.get(key) ?? []), record]);
  const index = (map: Map<string, Set<string>>, at: string, key: string) => map.set(at, (map.get(at) ?? new Set()).add(key));

  const withoutUpflowId: RowRecord[] = [];
  for (const record of records) {
    const upflowId = record.values.upflowId;
    if (upflowId === undefined) {
      withoutUpflowId.push(record);
      continue;
    }
    const key = `upflow:${upflowId}`;
    add(key, record);
    const id = customerIdOf(record.values, mode);
    if (id !== undefined) index(upflowKeysById, id, key);
    const name = record.values.customerName;
    if (name !== undefined) index(idKeysByName, nameKey(name), key);
  }

  const withoutId: RowRecord[] = [];
  for (const record of withoutUpflowId) {
    const id = customerIdOf(record.values, mode);
    if (id === undefined) {
      withoutId.push(record);
      continue;
    }
    const owners = [...(upflowKeysById.get(id) ?? [])];
    const key = owners.length === 1 ? owners[0]! : `id:${id}`;
    add(key, record);
    const name = record.values.customerName;
    if (name !== undefined && key.startsWith('id:')) index(idKeysByName, nameKey(name), key);
  }

  for (const record of withoutId) {
    const name = record.values.customerName;
    const owners = name === undefined ? [] : [...(idKeysByName.get(nameKey(name)) ?? [])];
    const [owner] = owners;
    if (owners.length === 1 && owner !== undefined) add(owner, record);
    else if (owners.length > 1) {
      refused.push(record.row);
      report.error(record.row, idFieldsOf(mode)[0], {
        code: 'AMBIGUOUS_CUSTOMER',
        message: `Several customers of the sheet are named "${name}" and this line has no ID to tell which one it belongs to.`,
        fix: 'Copy the Customer ID (or, in a sheet from Upflow, the Upflow ID) of the right customer onto this line.',
      });
    } else if (mode === 'assign') {
      refused.push(record.row);
      report.error(record.row, 'externalId', {
        code: 'EXTERNAL_ID_NEEDED',
        message: 'Upflow finds the customer to assign by its ID in your source system (the External ID or Customer ID column), and this line has none.',
        fix: "Fill in the customer's ID in your source system, in a Customer ID or External ID column.",
      });
    } else if (name !== undefined) add(`name:${nameKey(name)}`, record);
    else {
      refused.push(record.row);
      report.error(record.row, 'customerName', {
        code: 'CUSTOMER_UNKNOWN',
        message: 'This line names no customer.',
        fix: 'Fill in the Customer name (and the Customer ID if you have it).',
      });
    }
  }

  const groups = [...byKey].map(([key, lines]) => ({ key, lines: [...lines].sort((a, b) => a.row - b.row) }));
  groups.sort((a, b) => firstRow(a) - firstRow(b));
  return { groups, refused };
}

export const firstRow = (group: { lines: RowRecord[] }): number => group.lines[0]?.row ?? 0;
