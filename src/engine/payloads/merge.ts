import { field, type FieldId } from '../fields';
import type { RowRecord } from '../sheet-input';
import { nameKey } from '../customers/name';
import type { Reporter } from './report';

/** The problems the import plan reports from here, each with the heading the sidebar groups it under. */
export const MERGE_PROBLEMS = {
  DIFFERS_BETWEEN_LINES: 'Values that differ between lines of one customer',
} as const;

export interface Merged {
  values: Partial<Record<FieldId, string>>;
  /** The line each kept value comes from, so later problems point at it. */
  rowOf: Partial<Record<FieldId, number>>;
}

const managerSet = (text: string): string =>
  text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .sort()
    .join(',');

function sameValue(id: FieldId, a: string, b: string): boolean {
  if (id === 'customerName' || id === 'groupName' || id === 'workflow') return nameKey(a) === nameKey(b);
  if (id === 'accountManagers') return managerSet(a) === managerSet(b);
  return a === b;
}

/**
 * Lines repeating a customer (or a contact) are one record: the first filled value of each field
 * is kept, since later lines are usually copies; a later line saying something else is reported
 * rather than silently losing to the first.
 */
export function mergeLines(lines: RowRecord[], fields: readonly FieldId[], report: Reporter): Merged {
  const merged: Merged = { values: {}, rowOf: {} };
  for (const line of lines) {
    for (const id of fields) {
      const value = line.values[id];
      if (value === undefined) continue;
      const kept = merged.values[id];
      if (kept === undefined) {
        merged.values[id] = value;
        merged.rowOf[id] = line.row;
      } else if (!sameValue(id, kept, value)) {
        report.warning(line.row, id, {
          code: 'DIFFERS_BETWEEN_LINES',
          message: `${field(id).label} is "${value}" here but "${kept}" on row ${merged.rowOf[id]}, a line of the same ${field(id).section === 'contact' ? 'contact' : 'customer'}; "${kept}" is sent.`,
          fix: 'Give the same value on every line, or leave it empty on the repeated lines.',
        });
      }
    }
  }
  return merged;
}
