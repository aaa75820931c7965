import { isMarkNote } from '../engine/marks';
import { isInternalSheet } from './internal-sheets';
import { rememberEdit, wasChecked } from './checked-sheets';
import { markArea, problemsByCell } from './marks';
import { checkSheet } from './validation-service';

/**
 * Above this many lines only the edited lines are re-marked: a simple trigger has 30 seconds, and
 * repainting a very large sheet on every keystroke would make typing sluggish.
 */
const WHOLE_SHEET_LINES = 5_000;

/**
 * Keeps marks true while the user types: when an edit touches a checked sheet, the sheet is
 * checked again and its marks updated, so a fixed cell loses its mark at once, and so does a
 * problem it caused elsewhere (a second main contact, a customer ID used twice). A simple trigger
 * may not call Upflow, so the checks use what was cached at the last Validate.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (isInternalSheet(sheet.getName())) return;
  if (!wasChecked(sheet) && !range.getNotes().some((row) => row.some(isMarkNote))) return;
  rememberEdit(sheet);
  const check = checkSheet(sheet.getName(), { offline: true });
  const { firstRow, rows } = check.block.input;
  const problems = problemsByCell(check.result.problems);
  if (rows.length <= WHOLE_SHEET_LINES) {
    markArea(sheet, firstRow, 1, rows.length, check.block.width, problems);
    return;
  }
  const first = Math.max(range.getRow(), firstRow);
  const last = Math.min(range.getLastRow(), firstRow + rows.length - 1);
  if (last >= first) markArea(sheet, first, 1, last - first + 1, check.block.width, problems);
}
