import { PULLED_FIELDS } from '../engine/export/customer-sheet';
import { PULLED_VALUES_PREFIX } from './internal-sheets';

/**
 * What a pulled sheet held as it came from Upflow, in a hidden sheet of its own: Refresh compares
 * it with the sheet (what the user edited) and with Upflow (what changed there). Keyed by the
 * sheet's id, so renaming the pulled sheet keeps it. Its first cell names the manager of a pull
 * of "only mine" customers.
 */
const nameOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => `${PULLED_VALUES_PREFIX}${sheet.getSheetId()}`;

export function pulledValuesOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(nameOf(sheet));
}

export function startPulledValues(sheet: GoogleAppsScript.Spreadsheet.Sheet, manager: string | null): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const values = spreadsheet.insertSheet(nameOf(sheet));
  values.getRange(1, 1).setValue(manager ?? '');
  values.hideSheet();
  sheet.activate();
}

export function managerOf(values: GoogleAppsScript.Spreadsheet.Sheet): string | null {
  return String(values.getRange(1, 1).getValue()) || null;
}

export function appendPulledValues(values: GoogleAppsScript.Spreadsheet.Sheet, lines: readonly string[][]): void {
  if (!lines.length) return;
  const at = Math.max(values.getLastRow(), 1) + 1;
  const needed = at + lines.length - 1 - values.getMaxRows();
  if (needed > 0) values.insertRowsAfter(values.getMaxRows(), needed);
  if (values.getMaxColumns() < PULLED_FIELDS.length) values.insertColumnsAfter(values.getMaxColumns(), PULLED_FIELDS.length - values.getMaxColumns());
  const range = values.getRange(at, 1, lines.length, PULLED_FIELDS.length);
  range.setNumberFormat('@');
  range.setValues(lines.map((l) => [...l]));
}

export function readPulledValues(values: GoogleAppsScript.Spreadsheet.Sheet): string[][] {
  const last = values.getLastRow();
  if (last < 2) return [];
  return values
    .getRange(2, 1, last - 1, PULLED_FIELDS.length)
    .getValues()
    .map((r) => r.map(String));
}

export function replacePulledValues(values: GoogleAppsScript.Spreadsheet.Sheet, lines: readonly string[][]): void {
  const last = values.getLastRow();
  if (last >= 2) values.getRange(2, 1, last - 1, PULLED_FIELDS.length).clearContent();
  appendPulledValues(values, lines);
}
