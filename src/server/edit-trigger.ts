import { isMarkNote } from '../engine/marks';
import { isInternalSheet } from './internal-sheets';
import { loadMapping } from './mapping-store';
import { markArea, problemsByCell } from './marks';
import { checkSheet } from './validation-service';

/**
 * Keeps marks true while the user types: when an edit touches a checked sheet, its lines are
 * checked again and their marks updated, so a fixed cell loses its mark at once. A simple trigger
 * may not call Upflow, so the checks use what was cached at the last Validate. Marks on other
 * lines (a duplicate main contact elsewhere, say) refresh at the next Validate.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (isInternalSheet(sheet.getName())) return;
  const touchedMark = range.getNotes().some((row) => row.some(isMarkNote));
  if (!touchedMark && !loadMapping(sheet)) return;
  const check = checkSheet(sheet.getName(), { offline: true });
  const first = Math.max(range.getRow(), check.block.input.firstRow);
  const last = Math.min(range.getLastRow(), check.block.input.firstRow + check.block.input.rows.length - 1);
  if (last < first) return;
  markArea(sheet, first, 1, last - first + 1, check.block.width, problemsByCell(check.result.problems));
}
