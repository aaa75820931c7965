import type { RequestOutcome } from '../import/outcome';
import type { Problem } from '../problem';
import { formatResult } from './result-text';

/** A result text and the sheet line it goes to. */
export interface RowResult {
  row: number;
  text: string;
}

/** Each line of each customer gets its customer's result. */
export function outcomeResults(outcomes: readonly RequestOutcome[], importNumber: number, shownTime: string): RowResult[] {
  return outcomes.flatMap((o) => o.rows.map((row) => ({ row, text: formatResult({ outcome: o.outcome, message: o.message, shownTime, importNumber }) })));
}

/** Lines held back: their result says why, from the first error on the line and its cell. */
export function heldBackResults(rows: readonly number[], problems: readonly Problem[], importNumber: number, shownTime: string): RowResult[] {
  const reasons = new Map<number, string>();
  for (const p of problems) {
    if (p.severity === 'error' && !reasons.has(p.row)) reasons.set(p.row, `${p.cell ? `${p.cell}: ` : ''}${p.message}`);
  }
  return rows.map((row) => ({
    row,
    text: formatResult({ outcome: 'skipped', message: reasons.get(row) ?? 'fix the errors marked on this line', shownTime, importNumber }),
  }));
}
