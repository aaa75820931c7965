import { customerSheet, PULLED_FIELDS, UPFLOW_ID_FIELDS } from '../engine/export/customer-sheet';
import { pullOrganisation } from '../engine/export/pull';
import type { PullView } from '../shared/api';
import { rememberTemplate } from './mapping-store';
import { upflowClient } from './organisation';
import { userError } from './result';
import { addDropdowns } from './template-sheet';
import { writeTextSheet } from './text-sheet';

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
  const sheet = writeTextSheet(onlyMine ? 'My Upflow customers' : 'Upflow customers', rows);
  addDropdowns(sheet, PULLED_FIELDS, sheet.getMaxRows() - 1, { members: [...pulled.members], workflows: [...pulled.workflows] }, true);
  greyUpflowIds(sheet, rows.length);
  rememberTemplate(sheet, 'all');
  return { sheetName: sheet.getName(), customers: pulled.customers.length, lines: rows.length - 1 };
}

const ID_GREY = '#80868b';
const ID_BACKGROUND = '#f1f3f4';

/** The Upflow ID columns are the add-on's, not the user's: greyed, and hidden until someone shows them. */
export function greyUpflowIds(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  for (const id of UPFLOW_ID_FIELDS) {
    const column = PULLED_FIELDS.indexOf(id) + 1;
    sheet.getRange(1, column, rows, 1).setFontColor(ID_GREY).setBackground(ID_BACKGROUND);
    sheet.hideColumns(column);
  }
}
