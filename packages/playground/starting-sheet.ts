/**
 * The document the playground starts from (and Reset brings back): the input file as a sheet,
 * or the demo lines in a sheet the add-on itself laid out with its "All of the above" template.
 */
import type { AppsScript } from '@upflow-sheets/apps-script-emulator';
import type { Result } from '../../src/shared/api';
import { TEMPLATES } from '../../src/engine/templates';
import { DEMO_LINES } from './demo-sheet';
import type { InputSheet } from './read-input-file';
import type { AddOnHost } from './vm-host';

export function buildStartingSheet(app: AppsScript, addOn: AddOnHost, input: InputSheet | null): void {
  if (input) fillFromFile(app, input);
  else fillDemo(app, addOn);
}

function fillDemo(app: AppsScript, addOn: AddOnHost): void {
  const outcome = addOn.call('insertTemplate', JSON.stringify(['all']));
  const result = outcome.kind === 'return' && outcome.json !== undefined ? (JSON.parse(outcome.json) as Result<{ sheetName: string }>) : null;
  if (!result?.ok) {
    const why = outcome.kind === 'throw' ? outcome.message : result ? result.error.message : 'no answer';
    throw new Error(`The add-on could not insert the demo template: ${why}`);
  }
  const spreadsheet = app.spreadsheet;
  const sheet = spreadsheet.getSheetByName(result.value.sheetName);
  if (!sheet) throw new Error(`The add-on's template sheet "${result.value.sheetName}" is missing.`);
  const fields = TEMPLATES.all.fields;
  // The template's own demo lines are replaced (ours are more numerous), not appended to.
  sheet.getRange(2, 1, DEMO_LINES.length, fields.length).setValues(DEMO_LINES.map((line) => fields.map((id) => line[id] ?? '')));
  const blank = spreadsheet.getSheetByName('Sheet1');
  if (blank && blank.getLastRow() === 0) spreadsheet.deleteSheet(blank);
  sheet.activate();
}

function fillFromFile(app: AppsScript, input: InputSheet): void {
  const sheet = app.spreadsheet.getSheets()[0]!;
  sheet.setName(input.name);
  const width = Math.max(1, ...input.rows.map((line) => line.length));
  if (input.rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), input.rows.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const rows = input.rows.map((line) => [...line, ...Array<string>(width - line.length).fill('')]);
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  sheet.setFrozenRows(1);
}
