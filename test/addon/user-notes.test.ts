import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste, type Addon } from './harness';

const HEADER = ['Customer name', 'Customer ID', 'Postal code', 'Country', 'Contact email', 'First name', 'Position', 'Main contact'];
const ROWS = [
  ['Boulangeries Martin', 'C-1001', '75002', 'France', 'claire@martin.fr', 'Claire', 'Accounting', '1'],
  ['Boulangeries Martin', 'C-1001', '75002', 'France', 'paul@martin', 'Paul', 'Boss', ''],
  ['Acme', 'C-2001', '1234', 'France', 'jane@acme.fr', 'Jane', 'Payer', '1'],
];

function customersSheet(addon: Addon): GoogleAppsScript.Spreadsheet.Sheet {
  paste(addon, 'Customers', [HEADER, ...ROWS]);
  return addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

/** What the user reads in the note: the add-on's seals are invisible. */
const visible = (note: string) => note.replace(/[\u2060-\u2064]/g, '');

test('a line the user adds to a marked note survives Check again and the fix', () => {
  const addon = loadAddon();
  const sheet = customersSheet(addon);
  addon.value('checkSheet', 'Customers');
  const e3 = sheet.getRange('E3');
  e3.setNote(`${e3.getNote()}\nPaul said he would send his new address`);
  addon.value('checkSheet', 'Customers');
  assert.match(visible(e3.getNote()), /^⚠ Upflow import: error[\s\S]*How to fix:[\s\S]*\nPaul said he would send his new address$/);
  addon.app.edit('Customers', 'E3', 'paul@martin.fr');
  assert.equal(e3.getNote(), 'Paul said he would send his new address', 'the fix clears our part only');
});

test('a one-click fix keeps what the user wrote in the note', () => {
  const addon = loadAddon();
  const sheet = customersSheet(addon);
  addon.value('checkSheet', 'Customers');
  const c4 = sheet.getRange('C4');
  c4.setNote(`Check the town with Jane\n${c4.getNote()}`);
  const after = addon.value('applyFixes', { sheetName: 'Customers', cell: 'C4', code: null });
  assert.ok(!after.problems.some((p) => p.cell === 'C4'), JSON.stringify(after.problems));
  assert.equal(c4.getNote(), 'Check the town with Jane');
});

test("a user's note that starts like ours is never erased", () => {
  const addon = loadAddon();
  const sheet = customersSheet(addon);
  const lookalike = '⚠ Upflow import: error, this line will not be imported\nHow to fix: ask Claire before the 15th';
  sheet.getRange('A2').setNote(lookalike);
  addon.app.edit('Customers', 'B2', 'C-1001');
  addon.value('checkSheet', 'Customers');
  addon.app.edit('Customers', 'F2', 'Claire');
  assert.equal(sheet.getRange('A2').getNote(), lookalike);
});
