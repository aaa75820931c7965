import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from './harness';

const HEADER = ['Customer name', 'Customer ID', 'Postal code', 'Country', 'Contact email', 'First name', 'Position', 'Main contact'];
const LONGEST = 'x'.repeat(50_000);

test('a 50,000-character cell, the most Sheets holds, gets a clear problem and never an unexpected error', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [
    [...HEADER, LONGEST],
    ['Acme', 'C-1', '75002', 'France', LONGEST, 'Ann', 'Payer', '1', ''],
  ]);
  const mapping = addon.value('getMapping', 'Customers', null);
  assert.equal(mapping.columns[8]!.field, null, 'a pasted text is no column name');
  const columns = mapping.columns.map((c) => ({ column: c.column, field: c.field }));
  const saved = addon.value('saveMapping', { sheetName: 'Customers', template: mapping.template, columns });
  assert.equal(saved.columns[4]!.field, 'contactEmail');

  const view = addon.value('checkSheet', 'Customers');
  const tooLong = view.problems.find((p) => p.cell === 'E2' && p.code === 'TOO_LONG');
  assert.match(tooLong?.message ?? '', /50000 characters|50,000 characters/);
  assert.ok(
    view.problems.every((p) => p.message.length < 1_000 && p.fix.length < 1_000),
    'the problem list shows no 50,000-character text',
  );
  const note = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!.getRange('E2').getNote();
  assert.ok(note.length < 2_000, `the note stays readable (${note.length} characters)`);

  const refused = addon.call('saveMapping', { sheetName: 'Customers', template: mapping.template, columns: [...columns.slice(0, 8), { column: 'I', field: 'city' }] });
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal(refused.error.code, 'HEADER_TOO_LONG');
    assert.match(refused.error.message, /header in I1 is 50,000 characters long[\s\S]*Shorten the header in I1/);
  }
});

test('a long fix is shown shortened and applies the whole value; a value far too long for its field gets no fix at all', () => {
  const addon = loadAddon();
  const address = 'y'.repeat(400);
  paste(addon, 'Customers', [
    [...HEADER, 'Address'],
    ['Acme', 'C-1', '75002', 'France', 'a@b.fr', 'Ann', 'Payer', '1', `  ${address}`],
    ['Bakery', 'C-2', '75002', 'France', 'b@b.fr', `  ${LONGEST.slice(2)}`, 'Payer', '1', ''],
  ]);
  const view = addon.value('checkSheet', 'Customers');
  const spaces = view.problems.find((p) => p.cell === 'I2' && p.code === 'EXTRA_SPACES');
  assert.ok(spaces?.suggestion, JSON.stringify(view.problems.map((p) => [p.cell, p.code])));
  assert.ok(spaces.suggestion.length <= 200 && spaces.suggestion.endsWith('…'), `shown: ${spaces.suggestion.length} characters`);
  const tooLong = view.problems.filter((p) => p.cell === 'F3');
  assert.deepEqual(
    tooLong.map((p) => [p.code, p.suggestion]),
    [['TOO_LONG', null]],
  );
  addon.value('applyFixes', { sheetName: 'Customers', cell: 'I2', code: null });
  const fixed = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!.getRange('I2').getValue();
  assert.equal(fixed, address, 'the whole value, without its spaces');
});
