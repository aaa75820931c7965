/**
 * The server side of a sidebar that stays true to the sheet (issue 12): what it polls to follow
 * the sheet on screen, the undo of the last batch of fixes, every problem copied to a sheet, and
 * a file that is not text refused at the door.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste, type Addon } from './harness';

const HEADER = ['Customer name', 'Customer ID', 'Postal code', 'Country', 'Contact email'];
const ROWS = [
  ['Boulangeries Martin', 'C-1001', '1000', 'France', 'claire@martin.fr'],
  ['Acme', 'C-2001', '75002', 'France', 'jane@acme'],
];

const spreadsheetOf = (addon: Addon) => addon.app.globals.SpreadsheetApp.getActiveSpreadsheet();

test('the sidebar learns which sheet is on screen, which sheets exist, and when its sheet was edited', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [HEADER, ...ROWS]);
  paste(addon, 'Other', [['Customer name'], ['Zed']]);
  spreadsheetOf(addon).getSheetByName('Other')!.activate();
  const before = addon.value('getSheetContext', 'Customers');
  assert.equal(before.activeSheet, 'Other');
  assert.ok(before.sheets.some((s) => s.name === 'Customers') && before.sheets.some((s) => s.name === 'Other'));
  assert.equal(before.editedAt, null);
  addon.value('showSheet', 'Customers');
  assert.equal(addon.value('getSheetContext', 'Customers').activeSheet, 'Customers', 'a sheet picked in the sidebar comes on screen');
  const checkedAt = addon.value('checkSheet', 'Customers').checkedAt;
  addon.app.edit('Customers', 'E3', 'jane@acme.com');
  assert.ok((addon.value('getSheetContext', 'Customers').editedAt ?? '') >= checkedAt);
  assert.equal(addon.call('showSheet', 'Gone').ok, false);
});

test('the last batch of fixes is undone: values, their type and their format come back', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [HEADER, ...ROWS]);
  const sheet = spreadsheetOf(addon).getSheetByName('Customers')!;
  const formatBefore = sheet.getRange('C2').getNumberFormat();
  assert.equal(sheet.getRange('C2').getValue(), 1000, 'pasted, the postal code became a number');
  const fixed = addon.value('applyFixesUndoable', { fix: { sheetName: 'Customers', cell: 'C2', code: null }, batch: 'b1' });
  assert.equal(fixed.undoable, 1);
  assert.equal(sheet.getRange('C2').getValue(), '01000');
  assert.ok(!fixed.check.problems.some((p) => p.cell === 'C2'));
  const undone = addon.value('undoFixes', 'Customers');
  assert.equal(undone.restored, 1);
  assert.equal(sheet.getRange('C2').getValue(), 1000);
  assert.equal(sheet.getRange('C2').getNumberFormat(), formatBefore);
  assert.ok(
    undone.check.problems.some((p) => p.cell === 'C2'),
    'the problem is listed again',
  );
  const again = addon.call('undoFixes', 'Customers');
  assert.equal(again.ok ? '' : again.error.code, 'NO_UNDO', 'a batch is undone once');
});

test('fixes applied under one batch id are undone together; a new id starts a new batch', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [HEADER, ...ROWS, ['Zed', 'C-3001', '2000', 'France', 'z@zed.fr']]);
  const sheet = spreadsheetOf(addon).getSheetByName('Customers')!;
  addon.value('applyFixesUndoable', { fix: { sheetName: 'Customers', cell: 'C2', code: null }, batch: 'b1' });
  assert.equal(addon.value('applyFixesUndoable', { fix: { sheetName: 'Customers', cell: 'C4', code: null }, batch: 'b1' }).undoable, 2);
  addon.value('undoFixes', 'Customers');
  assert.deepEqual([sheet.getRange('C2').getValue(), sheet.getRange('C4').getValue()], [1000, 2000]);
  addon.value('applyFixesUndoable', { fix: { sheetName: 'Customers', cell: 'C2', code: null }, batch: 'b2' });
  addon.value('applyFixesUndoable', { fix: { sheetName: 'Customers', cell: 'C4', code: null }, batch: 'b3' });
  addon.value('undoFixes', 'Customers');
  assert.deepEqual([sheet.getRange('C2').getValue(), sheet.getRange('C4').getValue()], ['01000', 2000], 'only the last batch comes back');
});

test('every problem goes to a new sheet, the sheet on screen stays', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [HEADER, ...ROWS]);
  const { sheetName, count: problems } = addon.value('exportProblems', 'Customers');
  const listed = addon.value('checkSheet', 'Customers');
  assert.equal(problems, listed.errors + listed.warnings);
  const copy = spreadsheetOf(addon).getSheetByName(sheetName)!;
  const values = copy.getDataRange().getValues();
  assert.deepEqual(values[0], ['Cell', 'Line', 'Field', 'Severity', 'Kind', 'Problem', 'How to fix', 'Suggested value']);
  assert.deepEqual(
    values
      .slice(1)
      .map((r) => r[0])
      .sort(),
    listed.problems.map((p) => p.cell).sort(),
  );
  assert.equal(spreadsheetOf(addon).getActiveSheet().getName(), 'Customers');
});

test('the lines the check blocks go to a new sheet with the reason, before any import', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [HEADER, ...ROWS]);
  const { sheetName, count } = addon.value('copyBlockedRows', 'Customers');
  assert.equal(count, 1);
  const values = spreadsheetOf(addon).getSheetByName(sheetName)!.getDataRange().getValues();
  assert.deepEqual(values[0], [...HEADER, 'Why it is blocked']);
  assert.deepEqual(values[1]!.slice(0, 5), ROWS[1]);
  assert.match(String(values[1]![5]), /^E3: /);
  assert.equal(values.length, 2);
});
