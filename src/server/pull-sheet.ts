import { PULLED_FIELDS, PULLED_HEADER, UPFLOW_ID_FIELDS } from '../engine/export/customer-sheet';
import { rememberTemplate } from './mapping-store';
import type { Organisation } from './organisation';
import { addDropdowns } from './template-sheet';
import { writeTextSheet } from './text-sheet';

const ID_GREY = '#80868b';
const ID_BACKGROUND = '#f1f3f4';
const UPFLOW_ID_COLUMN = PULLED_FIELDS.indexOf('upflowId') + 1;

/** The new sheet a pull fills: the header of the "All of the above" layout, the Upflow IDs hidden. */
export function startPulledSheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = writeTextSheet(name, [[...PULLED_HEADER]]);
  greyUpflowIds(sheet);
  rememberTemplate(sheet, 'all');
  return sheet;
}

/**
 * The Upflow IDs of the customers already in the sheet: a page read again (an execution stopped
 * after writing it, or the list moved while it was read) adds none of them twice.
 */
export function pulledIds(sheet: GoogleAppsScript.Spreadsheet.Sheet): Set<string> {
  const last = sheet.getLastRow();
  if (last < 2) return new Set();
  return new Set(
    sheet
      .getRange(2, UPFLOW_ID_COLUMN, last - 1, 1)
      .getValues()
      .map((r) => String(r[0]))
      .filter(Boolean),
  );
}

/** Adds lines under the last one, as text in one call so IDs, postal codes and phones keep their digits. */
export function appendLines(sheet: GoogleAppsScript.Spreadsheet.Sheet, lines: string[][]): void {
  if (!lines.length) return;
  const at = sheet.getLastRow() + 1;
  const needed = at + lines.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const range = sheet.getRange(at, 1, lines.length, PULLED_FIELDS.length);
  range.setNumberFormat('@');
  range.setValues(lines);
  sheet.getRange(at, UPFLOW_ID_COLUMN, lines.length, UPFLOW_ID_FIELDS.length).setFontColor(ID_GREY).setBackground(ID_BACKGROUND);
}

/** Dropdowns as in the templates, once every line is there. */
export function finishPulledSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, org: Organisation): void {
  addDropdowns(sheet, PULLED_FIELDS, sheet.getMaxRows() - 1, org, true);
}

/** The Upflow ID columns are the add-on's, not the user's: greyed, and hidden until someone shows them. */
function greyUpflowIds(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  for (const id of UPFLOW_ID_FIELDS) {
    const column = PULLED_FIELDS.indexOf(id) + 1;
    sheet.getRange(1, column).setFontColor(ID_GREY).setBackground(ID_BACKGROUND);
    sheet.hideColumns(column);
  }
}
