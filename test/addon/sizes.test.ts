import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from './harness';

const HEADER = ['Customer name', 'Customer ID', 'Postal code', 'Country', 'Contact email', 'First name', 'Position', 'Main contact'];
const LONGEST = 'x'.repeat(50_000);

test('a 50,000-character cell, the most Sheets holds, gets a clear problem and never an unexpected error', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [[...HEADER, LONGEST], ['Acme', 'C-1', '75002', 'France', LONGEST, 'Ann', 'Payer', '1', '']]);
  const mapping = addon.value('getMapping', 'Customers', null);
  assert.equal(mapping.columns[8]!.field, null, 'a pasted text is no column name');
  const columns = mapping.columns.map((c) => ({ column: c.column, field: c.field }));
  const saved = addon.value('saveMapping', { sheetName: 'Customers', template: mapping.template, columns });
  assert.equal(saved.columns[4]!.field, 'contactEmail');

  const view = addon.value('validateSheet', 'Customers');
  const tooLong = view.problems.find((p) => p.cell === 'E2' && p.code === 'TOO_LONG');
  assert.match(tooLong?.message ?? '', /50000 characters|50,000 characters/);
  assert.ok(view.problems.every((p) => p.message.length < 1_000 && p.fix.length < 1_000), 'the problem list shows no 50,000-character text');
  const note = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!.getRange('E2').getNote();
  assert.ok(note.length < 2_000, `the note stays readable (${note.length} characters)`);

  const refused = addon.call('saveMapping', { sheetName: 'Customers', template: mapping.template, columns: [...columns.slice(0, 8), { column: 'I', field: 'city' }] });
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal(refused.error.code, 'HEADER_TOO_LONG');
    assert.match(refused.error.message, /header in I1 is 50,000 characters long[\s\S]*Shorten the header in I1/);
  }
});

test("a fix for a 50,000-character value is shown shortened and applies the whole value", () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [HEADER, ['Acme', 'C-1', '75002', 'France', 'a@b.fr', 'Ann', 'Payer', '1'], ['Bakery', 'C-2', '75002', 'France', 'b@b.fr', `  ${LONGEST.slice(2)}`, 'Payer', '1']]);
  const view = addon.value('validateSheet', 'Customers');
  const spaces = view.problems.find((p) => p.cell === 'F3' && p.code === 'EXTRA_SPACES');
  assert.ok(spaces?.suggestion, JSON.stringify(view.problems.map((p) => p.code)));
  assert.ok(spaces.suggestion.length <= 200 && spaces.suggestion.endsWith('…'), `shown: ${spaces.suggestion.length} characters`);
  addon.value('applyFixes', { sheetName: 'Customers', cell: 'F3', code: null });
  const fixed = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!.getRange('F3').getValue();
  assert.equal(fixed, LONGEST.slice(2), 'the whole value, without its spaces');
});
