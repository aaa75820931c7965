import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from './harness';

for (const timeZone of ['Europe/Paris', 'Pacific/Auckland', 'America/Los_Angeles']) {
  test(`a date typed in a ${timeZone} sheet is told as the day the cell shows`, () => {
    const addon = loadAddon({ timeZone });
    paste(addon, 'Customers', [
      ['Customer name', 'Customer ID', 'Postal code', 'Country'],
      ['Boulangeries Martin', 'C-1001', '2024-01-31', 'France'],
    ]);
    const view = addon.value('checkSheet', 'Customers');
    const problem = view.problems.find((p) => p.cell === 'C2');
    assert.equal(problem?.code, 'DATE_IN_TEXT');
    assert.match(problem.message, /\(2024-01-31\)/);
    const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
    assert.match(sheet.getRange('C2').getNote(), /2024-01-31/);
  });
}
