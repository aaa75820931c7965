import { columnIndex } from '../engine/a1';
import type { FixInput, CheckView } from '../shared/api';
import { checkAgain, checkSheet, markChecked, type SheetCheck } from './check-service';

/** Text Sheets would turn into a number, date, boolean or formula if written as is. */
const CONVERTIBLE = /^(\s*[-+]?[\d.,]+(e[-+]?\d+)?\s*|\s*(true|false)\s*|\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?|=.*)$/i;

/**
 * Applies the safe suggestions the checks made (one cell, one kind, or all), writing each run of
 * fixed cells of a column at once; cells computed by a formula are left to the user. The
 * settings and the organisation are read once, the sheet checked before and (when something was
 * written) after the fixes, and marked once.
 */
export function applyFixes(input: FixInput): CheckView {
  const check = checkSheet(input.sheetName);
  // Read back rather than patched in memory: the values are what Sheets made of the written text.
  return markChecked(input.sheetName, writeFixes(check, input) ? checkAgain(check) : check);
}

/** Writes the fixes the check suggests; false when there was none to write. */
function writeFixes({ block, result }: SheetCheck, input: FixInput): boolean {
  const fixes = new Map<number, Map<number, string>>();
  for (const p of result.problems) {
    if (p.suggestion === undefined) continue;
    if (input.cell !== null && p.cell !== input.cell) continue;
    if (input.code !== null && p.code !== input.code) continue;
    const column = columnIndex(p.column);
    if (block.input.formulas[p.row - block.input.firstRow]?.[column]) continue;
    const byRow = fixes.get(column) ?? new Map<number, string>();
    byRow.set(p.row, p.suggestion);
    fixes.set(column, byRow);
  }
  for (const [column, byRow] of fixes) {
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      const run = rows.slice(start, i);
      const values = run.map((row) => [byRow.get(row)!]);
      const range = block.sheet.getRange(run[0]!, column + 1, run.length, 1);
      // "01234" must stay text: a lost leading zero would come straight back.
      if (values.some(([v]) => CONVERTIBLE.test(v!))) range.setNumberFormat('@');
      range.setValues(values);
      start = i;
    }
  }
  return fixes.size > 0;
}
