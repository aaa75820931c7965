import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste, type Addon } from './harness';
import { MARK_COLORS } from '../../src/engine/marks';

const HEADER = ['Customer name', 'Customer ID', 'Postal code', 'Country', 'Contact email', 'First name', 'Position', 'Main contact'];
const ROWS = [
  ['Boulangeries Martin', 'C-1001', '75002', 'France', 'claire@martin.fr', 'Claire', 'Accounting', '1'],
  ['Boulangeries Martin', 'C-1001', '75002', 'France', 'paul@martin', 'Paul', 'Boss', ''],
  ['', '', '', '', '', '', '', ''],
  ['Acme', 'C-2001', '1234', 'France', ' jane@acme.fr', 'Jane', 'Payer', '1'],
];

/** A title line and a blank line above the header: the header need not be row 1. */
function customersSheet(addon: Addon, rows: string[][] = ROWS): GoogleAppsScript.Spreadsheet.Sheet {
  paste(addon, 'Customers', [['Customers to import, November'], [''], HEADER, ...rows]);
  return addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

test('the mapping finds the header under a title row and is remembered for the sheet', () => {
  const addon = loadAddon();
  customersSheet(addon);
  const mapping = addon.value('getMapping', 'Customers', null);
  assert.equal(mapping.headerRow, 3);
  assert.equal(mapping.template, 'contacts');
  assert.deepEqual(
    mapping.columns.map((c) => c.field),
    ['customerName', 'customerId', 'postalCode', 'country', 'contactEmail', 'firstName', 'position', 'mainContact'],
  );
  const saved = addon.value('saveMapping', { sheetName: 'Customers', template: 'contacts', columns: [{ column: 'F', field: null }] });
  assert.equal(saved.columns[5]!.field, null);
  assert.equal(saved.columns[5]!.how, 'saved');
  assert.equal(addon.value('getMapping', 'Customers', null).columns[5]!.field, null, 'the choice survives a reload of the sidebar');
});

test('Check colours bad cells with a note, lists the problems and skips blank rows', () => {
  const addon = loadAddon();
  const sheet = customersSheet(addon);
  const view = addon.value('checkSheet', 'Customers');
  assert.equal(view.rows, 3);
  assert.equal(view.blankRows, 1);
  const cells = view.problems.map((p) => `${p.cell}:${p.code}`);
  assert.ok(cells.includes('E5:EMAIL_INVALID'), cells.join(' '));
  assert.ok(cells.includes('G5:POSITION_UNKNOWN'));
  assert.ok(cells.includes('C7:POSTAL_CODE_INVALID') || cells.includes('C7:LEADING_ZERO_LOST'));
  assert.ok(cells.includes('E7:EXTRA_SPACES'));
  assert.equal(sheet.getRange('E5').getBackground(), MARK_COLORS.error);
  assert.equal(sheet.getRange('E7').getBackground(), MARK_COLORS.warning);
  assert.match(sheet.getRange('E5').getNote(), /paul@martin[\s\S]*How to fix:/);
  assert.equal(sheet.getRange('A4').getBackground(), '#ffffff', 'clean cells are untouched');
  assert.equal(sheet.getRange('A4').getNote(), '');
  assert.ok(view.notices.some((n) => /Connect to Upflow/.test(n)));
  assert.ok(view.byCode.find((g) => g.code === 'EMAIL_INVALID')?.title);
});

test("the user's colours and notes survive, come back when fixed, and a second Check changes nothing", () => {
  const addon = loadAddon();
  const sheet = customersSheet(addon);
  sheet.getRange('E5').setBackground('#d9ead3').setNote('Ask Paul for his new address');
  sheet.getRange('B4').setBackground('#fff2cc').setNote('Key account');
  addon.value('checkSheet', 'Customers');
  const before = { bg: sheet.getDataRange().getBackgrounds(), notes: sheet.getDataRange().getNotes() };
  addon.value('checkSheet', 'Customers');
  assert.deepEqual(sheet.getDataRange().getBackgrounds(), before.bg, 'validating twice changes nothing more');
  assert.deepEqual(sheet.getDataRange().getNotes(), before.notes);
  assert.equal(sheet.getRange('B4').getBackground(), '#fff2cc');
  assert.equal(sheet.getRange('B4').getNote(), 'Key account');
  assert.match(
    sheet
      .getRange('E5')
      .getNote()
      .replace(/[\u2060-\u2064]/g, ''),
    /Your note ---\nAsk Paul for his new address$/,
  );

  const checkedAt = addon.value('checkSheet', 'Customers').checkedAt;
  assert.equal(addon.value('getSheetStatus', 'Customers').editedAt, null);
  addon.app.edit('Customers', 'E5', 'paul@martin.fr');
  assert.ok((addon.value('getSheetStatus', 'Customers').editedAt ?? '') >= checkedAt, 'the sidebar can tell its list is older than the sheet');
  assert.equal(sheet.getRange('E5').getBackground(), '#d9ead3', 'fixing the cell brings its colour back without a new Check');
  assert.equal(sheet.getRange('E5').getNote(), 'Ask Paul for his new address');
  assert.equal(sheet.getRange('G5').getBackground(), MARK_COLORS.error, 'other problems keep their marks');
});

test('fixing a cell also clears the marks it caused on other lines', () => {
  const addon = loadAddon();
  const sheet = customersSheet(addon, [
    ['Acme', 'C-2001', '75002', 'France', 'jane@acme.fr', 'Jane', 'Payer', '1'],
    ['Acme', 'C-2001', '75002', 'France', 'john@acme.fr', 'John', 'Sales', '1'],
  ]);
  const view = addon.value('checkSheet', 'Customers');
  assert.ok(
    view.problems.some((p) => p.cell === 'H5' && p.code === 'MAIN_CONTACT_DUPLICATE'),
    JSON.stringify(view.problems),
  );
  assert.equal(sheet.getRange('H5').getBackground(), MARK_COLORS.error);
  addon.app.edit('Customers', 'H4', '');
  assert.equal(sheet.getRange('H5').getBackground(), '#ffffff', 'the second main contact is the only one now');
  assert.equal(sheet.getRange('H5').getNote(), '');
});

test('one read and one write each of backgrounds and notes per Check, whatever the size', () => {
  const counts = (rows: number) => {
    const addon = loadAddon();
    const data = Array.from({ length: rows }, (_, i) => [`Customer ${i}`, `C-${i}`, i % 7 ? '75002' : '1234', 'France', i % 5 ? `c${i}@x.fr` : 'bad@', 'Ann', 'Sales', '1']);
    customersSheet(addon, data);
    addon.app.calls.reset();
    addon.value('checkSheet', 'Customers');
    const c = addon.app.calls.snapshot();
    return ['Range.getValues', 'Range.getFormulas', 'Range.getBackgrounds', 'Range.getNotes', 'Range.setBackgrounds', 'Range.setNotes'].map((k) => c[k] ?? 0);
  };
  const small = counts(20);
  assert.deepEqual(small, [1, 1, 1, 1, 1, 1]);
  assert.deepEqual(counts(3000), small);
});

test('one-click fixes apply safe suggestions and keep leading zeros as text', () => {
  const addon = loadAddon();
  const sheet = customersSheet(addon);
  const view = addon.value('checkSheet', 'Customers');
  const zero = view.problems.find((p) => p.cell === 'C7' && p.suggestion !== null);
  assert.equal(zero?.suggestion, '01234');
  const afterOne = addon.value('applyFixes', { sheetName: 'Customers', cell: 'C7', code: null });
  assert.equal(sheet.getRange('C7').getValue(), '01234', 'the zero is kept: the cell became plain text');
  assert.ok(!afterOne.problems.some((p) => p.cell === 'C7'));
  const afterAll = addon.value('applyFixes', { sheetName: 'Customers', cell: null, code: null });
  assert.equal(sheet.getRange('E7').getValue(), 'jane@acme.fr');
  assert.equal(afterAll.fixable, 0);
  assert.ok(
    afterAll.problems.some((p) => p.cell === 'E5'),
    'problems without a safe fix stay',
  );
});

test('jumpToCell activates the cell; a bad cell reference is refused with a message', () => {
  const addon = loadAddon();
  customersSheet(addon);
  addon.value('jumpToCell', 'Customers', 'E5');
  const active = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
  assert.equal(active?.getA1Notation(), 'E5');
  const refused = addon.call('jumpToCell', 'Customers', '=HACK()');
  assert.equal(refused.ok, false);
  const missing = addon.call('checkSheet', 'Nope');
  assert.ok(!missing.ok && /no sheet named "Nope"/.test(missing.error.message));
});
