import { columnIndex } from '../engine/a1';
import type { FixBatchView, FixInput, UndoFixesView } from '../shared/api';
import { applyFixes } from './fixes';
import { userError } from './result';
import { findSheet } from './sheet-block';
import { KEYS, type FixUndo } from './store/keys';
import { read, remove, write } from './store/store';
import { checkSheet, checkAndMark } from './check-service';

/** The last batch of one-click fixes, kept so the user can take it back (src/server/store/keys.ts). */
const keyOf = (sheetName: string) => KEYS.fixUndo(findSheet(sheetName).getSheetId());

/** The cells applyFixes is about to change, with what they hold now (1-based rows and columns). */
function cellsToChange(input: FixInput): FixUndo['cells'] {
  const { block, result } = checkSheet(input.sheetName);
  const { firstRow } = block.input;
  const seen = new Set<string>();
  const targets = result.problems.filter((p) => {
    if (p.suggestion === undefined || seen.has(p.cell)) return false;
    if ((input.cell !== null && p.cell !== input.cell) || (input.code !== null && p.code !== input.code)) return false;
    if (block.input.formulas[p.row - firstRow]?.[columnIndex(p.column)]) return false;
    seen.add(p.cell);
    return true;
  });
  return targets.map((p) => {
    const column = columnIndex(p.column);
    const value = block.input.rows[p.row - firstRow]?.[column] ?? '';
    const range = block.sheet.getRange(p.row, column + 1);
    return { row: p.row, column: column + 1, value: value instanceof Date ? range.getDisplayValue() : value, format: range.getNumberFormat() };
  });
}

/**
 * applyFixes, remembering what it replaces; a batch already kept grows when the id is the same
 * (the sidebar applies the safe fixes kind by kind: one batch id makes them one undo).
 */
export function applyFixesUndoable({ fix, batch }: { fix: FixInput; batch: string }): FixBatchView {
  const key = keyOf(fix.sheetName);
  const before = cellsToChange(fix);
  const kept = read(key);
  const cells = kept?.batch === batch ? [...kept.cells] : [];
  const known = new Set(cells.map((c) => `${c.row}:${c.column}`));
  for (const c of before) if (!known.has(`${c.row}:${c.column}`)) cells.push(c);
  let undoable = 0;
  try {
    write(key, { batch, cells });
    undoable = cells.length;
  } catch {
    // Too many cells for the cache: the fixes are applied all the same, without an undo.
    remove(key);
  }
  return { check: applyFixes(fix), undoable };
}

/** Puts back what the last batch of fixes replaced, then checks the sheet again. */
export function undoFixes(sheetName: string): UndoFixesView {
  const key = keyOf(sheetName);
  const kept = read(key);
  if (!kept || kept.cells.length === 0) throw userError('NO_UNDO', 'There is no fix to undo on this sheet: fixes can be undone for 6 hours after they are applied.');
  const sheet = findSheet(sheetName);
  for (const c of kept.cells) sheet.getRange(c.row, c.column).setNumberFormat(c.format).setValue(c.value);
  remove(key);
  return { check: checkAndMark(sheetName), restored: kept.cells.length };
}
