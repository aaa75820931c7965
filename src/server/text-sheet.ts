import { widestRow } from '../engine/sheet-capacity';
import { freeSheetName } from './internal-sheets';

/**
 * A new sheet holding `rows` (the first one bold and frozen, as headers), written as plain text in
 * one call so nothing in it turns into a number or a date, and short rows padded to the widest.
 * Apps Script puts a new sheet on screen: `stayOn` brings back the sheet the user was working on.
 */
export function writeTextSheet(base: string, rows: string[][], stayOn?: string): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const width = Math.max(1, widestRow(rows));
  const target = spreadsheet.insertSheet(freeSheetName(base));
  if (target.getMaxRows() < rows.length) target.insertRowsAfter(target.getMaxRows(), rows.length - target.getMaxRows());
  if (target.getMaxColumns() < width) target.insertColumnsAfter(target.getMaxColumns(), width - target.getMaxColumns());
  const range = target.getRange(1, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(rows.map((r) => (r.length === width ? r : [...r, ...Array<string>(width - r.length).fill('')])));
  target.getRange(1, 1, 1, width).setFontWeight('bold');
  target.setFrozenRows(1);
  if (stayOn !== undefined) spreadsheet.getSheetByName(stayOn)?.activate();
  else target.activate();
  return target;
}
