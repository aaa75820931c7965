import { customerSheet, PULLED_FIELDS } from '../engine/export/customer-sheet';
import { pullOrganisation } from '../engine/export/pull';
import type { PullView } from '../shared/api';
import { freeSheetName } from './internal-sheets';
import { rememberTemplate } from './mapping-store';
import { upflowClient } from './organisation';
import { userError } from './result';
import { addDropdowns } from './template-sheet';

/**
 * Brings Upflow's customers into a new sheet laid out as the "All of the above" template (one line
 * per contact), written as text in one call so IDs, postal codes and phones keep their digits.
 * Imported back untouched, it sends nothing; edited, it sends only what changed.
 */
export function pullCustomersSheet(onlyMine: boolean): PullView {
  const email = Session.getActiveUser().getEmail();
  if (onlyMine && !email) throw userError('NO_EMAIL', 'Google did not give your email to the add-on, so "only my customers" cannot be chosen. Get all customers instead.');
  const client = upflowClient();
  const pulled = pullOrganisation(client, onlyMine ? { manager: email } : {});
  const rows = customerSheet(pulled);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.insertSheet(freeSheetName(onlyMine ? 'My Upflow customers' : 'Upflow customers'));
  const width = PULLED_FIELDS.length;
  if (sheet.getMaxRows() < rows.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(rows);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
  addDropdowns(sheet, PULLED_FIELDS, sheet.getMaxRows() - 1, { members: [...pulled.members], workflows: [...pulled.workflows] }, true);
  rememberTemplate(sheet, 'all');
  sheet.activate();
  return { sheetName: sheet.getName(), customers: pulled.customers.length, lines: rows.length - 1 };
}
