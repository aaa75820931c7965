import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadAddon, type Addon } from '../addon/harness';
import { runCli } from '../support/cli';
import { pullAll } from '../support/pull';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { changedBetween, heldCustomers, named } from '../support/upflow-state';
import type { JobView } from '../../src/shared/api';

/**
 * Two customers Upflow holds under one name, neither with a Customer ID: only their Upflow IDs
 * tell them apart. Pulled, edited (one cell each) and imported back, each must update itself.
 */
const TWIN = 'Boulangerie du Port';

async function addTwins(sandbox: TestSandbox): Promise<void> {
  for (const [email, city] of [
    ['anne@port-nord.fr', 'Brest'],
    ['marc@port-sud.fr', 'Sète'],
  ] as const) {
    const response = await fetch(`${sandbox.api}/customers`, {
      method: 'POST',
      headers: { 'X-Api-Key': DEMO_KEY, 'X-Api-Secret': DEMO_SECRET, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: TWIN, address: { city, country: 'FR' }, contacts: [{ email, firstName: 'Twin' }] }),
    });
    assert.ok(response.ok, await response.text());
  }
}

const drive = (addon: Addon, job: JobView) => {
  let current = job;
  while (current.state === 'running') current = addon.value('continueImport', current.id);
  return current;
};

for (const profile of ['documented', 'hard'] as const) {
  describe(`two customers of one name, ${profile} reading`, () => {
    let sandbox: TestSandbox;
    before(async () => {
      sandbox = await startTestSandbox({ profile });
      await addTwins(sandbox);
    });
    after(async () => {
      await sandbox.stop();
    });

    test('pulled into a sheet, each edited line updates its own customer and not its namesake', { timeout: 120_000 }, async () => {
      const addon = loadAddon();
      addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
      const before = await heldCustomers(sandbox);
      const pulled = pullAll(addon);
      const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(pulled.sheetName)!;
      const [header, ...lines] = sheet.getDataRange().getValues() as string[][];
      const col = (label: string) => header!.indexOf(label) + 1;
      assert.ok(col('Upflow ID') > 0 && col('Upflow contact ID') > 0, 'the pulled sheet carries the Upflow IDs');
      assert.ok(sheet.isColumnHiddenByUser(col('Upflow ID')) && sheet.isColumnHiddenByUser(col('Upflow contact ID')), 'hidden by default');
      assert.ok(!sheet.isColumnHiddenByUser(col('Customer name')));
      const rowOf = (email: string) => lines.findIndex((l) => l[col('Contact email') - 1] === email) + 2;
      const north = rowOf('anne@port-nord.fr');
      const south = rowOf('marc@port-sud.fr');
      const idOf = (row: number) => String(sheet.getRange(row, col('Upflow ID')).getValue());
      assert.notEqual(idOf(north), idOf(south));

      sheet.getRange(north, col('City')).setValue('Roscoff');
      sheet.getRange(south, col('Phone number')).setValue('+33 4 67 00 00 00');
      const check = addon.value('checkSheet', pulled.sheetName);
      assert.deepEqual(
        check.problems.filter((p) => p.severity === 'error' && (p.row === north || p.row === south)),
        [],
        'Check finds nothing wrong with the namesakes',
      );
      const preview = addon.value('previewImport', pulled.sheetName);
      assert.equal(preview.customers.update, 2, JSON.stringify(preview.notices));
      assert.deepEqual(preview.changes.map((c) => c.changes.map((ch) => ch.field)).sort(), [['City'], ['Contact marc@port-sud.fr (phone)']]);

      const done = drive(addon, addon.value('startImport', { sheetName: pulled.sheetName, onlyFailed: false }));
      assert.deepEqual([done.created, done.updated, done.failed, done.skipped], [0, 2, 0, 0]);
      const after = await heldCustomers(sandbox);
      assert.deepEqual(changedBetween(before, after), [TWIN, TWIN], 'only the two namesakes were written');
      const twins = named(after, TWIN);
      assert.equal(twins.length, 2, 'no third customer of that name');
      const northHeld = twins.find((c) => c.id === idOf(north))!;
      const southHeld = twins.find((c) => c.id === idOf(south))!;
      const city = (id: string) => after.find((c) => c.id === id) as unknown as { address?: { city?: string } };
      assert.equal(city(northHeld.id).address?.city, 'Roscoff');
      assert.equal(city(southHeld.id).address?.city, 'Sète', 'the other one kept its city');
      assert.deepEqual(
        northHeld.contacts.map((c) => c.email),
        ['anne@port-nord.fr'],
      );
      assert.deepEqual(
        southHeld.contacts.map((c) => c.email),
        ['marc@port-sud.fr'],
      );
    });

    test('a line whose Upflow ID Upflow does not hold, or whose Customer ID is another customer, is named with its fix and not sent', { timeout: 120_000 }, async () => {
      const addon = loadAddon();
      addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
      const pulled = pullAll(addon);
      const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(pulled.sheetName)!;
      const [header, ...lines] = sheet.getDataRange().getValues() as string[][];
      const col = (label: string) => header!.indexOf(label) + 1;
      const twinRows = lines.flatMap((l, i) => (l[0] === TWIN ? [i + 2] : []));
      const other = lines.find((l) => l[col('Customer ID') - 1] !== '')!;
      sheet.getRange(twinRows[0]!, col('Upflow ID')).setValue('cus_deleted_long_ago');
      sheet.getRange(twinRows[1]!, col('Customer ID')).setValue(other[col('Customer ID') - 1]!);

      // The add-on's Check reads no customer list (its budget of calls); the preview, which reads it, names the lines and the fix.
      const preview = addon.value('previewImport', pulled.sheetName);
      const missing = preview.notices.find((n) => n.startsWith(`Line ${twinRows[0]}:`));
      assert.match(missing ?? '', /no customer with the Upflow ID "cus_deleted_long_ago".*Get customers from Upflow again/);
      // That Customer ID is also on the other customer's own lines of the sheet: Check blocks the line on that cell.
      const check = addon.value('checkSheet', pulled.sheetName);
      const reused = check.problems.find((p) => p.row === twinRows[1] && p.severity === 'error');
      assert.equal(reused?.cell, `${String.fromCharCode(64 + col('Customer ID'))}${twinRows[1]}`);
      assert.match(reused.message, new RegExp(`"${other[0]}"`));

      const before = await heldCustomers(sandbox);
      const done = drive(addon, addon.value('startImport', { sheetName: pulled.sheetName, onlyFailed: false }));
      assert.equal(done.created + done.updated, 0);
      assert.deepEqual(changedBetween(before, await heldCustomers(sandbox)), [], 'neither line wrote anything');
    });

    test('exported by the CLI, each edited line updates its own customer and not its namesake', { timeout: 120_000 }, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'upflow-twins-')), 'customers.csv');
      const exported = await runCli(['export', file, '--api', sandbox.api]);
      assert.equal(exported.code, 0, exported.err);
      const [header, ...lines] = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
      const col = (label: string) => header!.indexOf(label);
      assert.ok(col('Upflow ID') >= 0, 'the CSV carries the Upflow IDs');
      const north = lines.find((l) => l[col('Contact email')] === 'anne@port-nord.fr')!;
      const south = lines.find((l) => l[col('Contact email')] === 'marc@port-sud.fr')!;
      north[col('Accounting code')] = '411NORD';
      south[col('Accounting code')] = '411SUD';
      writeFileSync(file, Papa.unparse([header!, ...lines]));

      const before = await heldCustomers(sandbox);
      const imported = await runCli(['import', file, '--api', sandbox.api, '--json']);
      const report = JSON.parse(imported.out) as { summary: { created: number; updated: number; failed: number; skippedRows: number } };
      assert.deepEqual([report.summary.created, report.summary.updated, report.summary.failed, report.summary.skippedRows], [0, 2, 0, 0], imported.out.slice(0, 2000));
      const after = await heldCustomers(sandbox);
      assert.deepEqual(changedBetween(before, after), [TWIN, TWIN]);
      const ref = (id: string) => (after.find((c) => c.id === id) as unknown as { accountingRef?: string }).accountingRef;
      assert.equal(ref(north[col('Upflow ID')]!), '411NORD');
      assert.equal(ref(south[col('Upflow ID')]!), '411SUD');
    });
  });
}
