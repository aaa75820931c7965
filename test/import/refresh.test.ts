import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from '../addon/harness';
import { pullAll } from '../support/pull';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { heldCustomers } from '../support/upflow-state';

/** Changes made in Upflow after a pull, as a colleague would make them in Upflow's own screens. */
async function putCustomer(sandbox: TestSandbox, id: string, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.api}/customers/${id}`, {
    method: 'PUT',
    headers: { 'X-Api-Key': DEMO_KEY, 'X-Api-Secret': DEMO_SECRET, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, await response.text());
}

async function addCustomer(sandbox: TestSandbox, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.api}/customers`, {
    method: 'POST',
    headers: { 'X-Api-Key': DEMO_KEY, 'X-Api-Secret': DEMO_SECRET, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, await response.text());
}

for (const profile of ['documented', 'hard'] as const) {
  describe(`Refresh of a pulled sheet, ${profile} reading`, () => {
    let sandbox: TestSandbox;
    before(async () => {
      sandbox = await startTestSandbox({ profile });
    });
    after(async () => {
      await sandbox.stop();
    });

    test("Upflow's changes come in, the user's column and edits stay, and a cell both changed is a conflict", { timeout: 120_000 }, async () => {
      const addon = loadAddon();
      addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
      const pulled = pullAll(addon);
      const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(pulled.sheetName)!;
      // The user adds a column of their own at the left, and notes in it.
      sheet.insertColumnBefore(1);
      sheet.getRange(1, 1).setValue('My notes');
      const [header, ...lines] = sheet.getDataRange().getValues() as string[][];
      const col = (label: string) => header!.indexOf(label) + 1;
      const rowOf = (name: string) => lines.findIndex((l) => l[col('Customer name') - 1] === name) + 2;
      const acme = rowOf('Acme Ltd');
      const martin = rowOf('Boulangeries Martin');
      sheet.getRange(acme, 1).setValue('call back Monday');
      // The user edits two cells: one Upflow leaves alone, one Upflow changes too.
      sheet.getRange(martin, col('Accounting code')).setValue('411MINE');
      sheet.getRange(acme, col('City')).setValue('Leeds');

      const held = await heldCustomers(sandbox);
      const idOf = (name: string) => held.find((c) => c.name === name)!.id;
      await putCustomer(sandbox, idOf('Acme Ltd'), { address: { city: 'Manchester' }, vatNumber: 'GB123456789' });
      await putCustomer(sandbox, idOf('Boulangeries Martin'), { address: { zipcode: '75003' } });
      await addCustomer(sandbox, { name: 'Nouveau Client', externalId: 'C-9001', contacts: [{ email: 'new@nouveau.fr' }] });

      const refreshed = addon.value('refreshPulled', pulled.sheetName);
      const cell = (row: number, label: string) => String(sheet.getRange(row, col(label)).getValue());
      assert.equal(cell(martin, 'Postal code'), '75003', "Upflow's change is in the sheet");
      assert.equal(cell(martin, 'Accounting code'), '411MINE', 'the edit Upflow did not touch is kept');
      assert.equal(cell(acme, 'VAT number'), 'GB123456789');
      assert.equal(cell(acme, 'City'), 'Leeds', 'a cell both changed keeps the user value');
      assert.equal(String(sheet.getRange(acme, 1).getValue()), 'call back Monday', "the user's own column is kept");
      assert.equal(String(sheet.getRange(1, 1).getValue()), 'My notes');

      const acmeRows = lines.flatMap((l, i) => (l[col('Customer name') - 1] === 'Acme Ltd' ? [i + 2] : []));
      const martinRows = lines.flatMap((l, i) => (l[col('Customer name') - 1] === 'Boulangeries Martin' ? [i + 2] : []));
      assert.deepEqual(
        refreshed.changedInUpflow,
        [...martinRows, ...acmeRows].sort((a, b) => a - b),
      );
      assert.deepEqual(
        refreshed.editedHere,
        [martin, acme].sort((a, b) => a - b),
      );
      assert.deepEqual(
        refreshed.conflicts.map((c) => [c.cell, c.label, c.yours, c.upflow]),
        [[`${String.fromCharCode(64 + col('City'))}${acme}`, 'City', 'Leeds', 'Manchester']],
      );
      assert.equal(refreshed.added, 1);
      assert.ok(
        sheet
          .getDataRange()
          .getValues()
          .some((l) => l[col('Customer name') - 1] === 'Nouveau Client'),
        'a customer new in Upflow comes in',
      );

      // Nothing changed in Upflow since: a second refresh writes nothing and still sees the user's edits.
      const again = addon.value('refreshPulled', pulled.sheetName);
      assert.deepEqual([again.changedCount, again.added, again.conflictCount], [0, 0, 0]);
      assert.deepEqual(
        again.editedHere,
        [martin, acme].sort((a, b) => a - b),
      );
    });
  });
}
