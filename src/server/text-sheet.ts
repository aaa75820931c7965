import { freeSheetName } from './internal-sheets';

/**
 * A new sheet holding `rows` (the first one bold and frozen, as headers), written as plain text so
 * nothing in it turns into a number or a date. Apps Script puts a new sheet on screen: `stayOn`
 * brings back the sheet the user was working on.
 */
export function writeTextSheet(base: string, rows: string[][], stayOn: string): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const width = Math.max(1, ...rows.map((r) => r.length));
  const target = spreadsheet.insertSheet(freeSheetName(base));
  if (target.getMaxRows() < rows.length) target.insertRowsAfter(target.getMaxRows(), rows.length - target.getMaxRows());
  if (target.getMaxColumns() < width) target.insertColumnsAfter(target.getMaxColumns(), width - target.getMaxColumns());
  const range = target.getRange(1, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(rows.map((r) => (r.length === width ? r : [...r, ...Array<string>(width - r.length).fill('')])));
  target.getRange(1, 1, 1, width).setFontWeight('bold');
  target.setFrozenRows(1);
  spreadsheet.getSheetByName(stayOn)?.activate();
  return target.getName();
}
