import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste, type Addon } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import type { JobView } from '../../src/shared/api';

/** Every line of an import ends with a result, whatever happens to the sheet or the clock meanwhile. */
let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

const HEADERS = ['Customer name', 'Customer ID', 'Contact email'];
const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => [`${prefix} ${i}`, `${prefix}-${i}`, `c${i}@${prefix.toLowerCase()}.fr`]);

function drive(addon: Addon, job: JobView): JobView {
  let current = job;
  for (let i = 0; current.state === 'running' && i < 100; i++) current = addon.value('continueImport', current.id);
  return current;
}

const resultColumn = (addon: Addon, count: number) =>
  addon.app.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('Customers')!
    .getRange(2, HEADERS.length + 1, count, 1)
    .getValues()
    .map((r) => String(r[0]));

test('a line made invalid after the import started is marked "Not imported" with its reason, and counted', { timeout: 120_000 }, () => {
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  paste(addon, 'Customers', [HEADERS, ...lines(6, 'Later')]);
  const job = addon.value('startImport', { sheetName: 'Customers', onlyFailed: false });
  // A collaborator breaks two lines before the first chunk runs.
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  sheet.getRange('C3').setValue('not an email');
  sheet.getRange('C6').setValue('someone@@later.fr');
  const done = drive(addon, job);
  const results = resultColumn(addon, 6);
  assert.match(results[1]!, /^Not imported: C3: /, results.join('\n'));
  assert.match(results[4]!, /^Not imported: C6: /);
  assert.equal(results.filter((r) => /^Created · /.test(r)).length, 4);
  assert.equal(done.skipped, 2);
  const history = addon.value('getHistory')[0]!;
  assert.deepEqual([history.status, history.created, history.skipped], ['partial', 4, 2]);
});

test("moving the spreadsheet's time zone west never blocks the next import", { timeout: 120_000 }, () => {
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const spreadsheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.setSpreadsheetTimeZone('Pacific/Kiritimati');
  paste(addon, 'Customers', [HEADERS, ...lines(3, 'Clock')]);
  assert.equal(drive(addon, addon.value('startImport', { sheetName: 'Customers', onlyFailed: false })).state, 'done');
  spreadsheet.setSpreadsheetTimeZone('Pacific/Pago_Pago');
  spreadsheet.getSheetByName('Customers')!.getRange('A2').setValue('Clock 0 renamed');
  // Twenty-five hours behind the last results' clock: the start must not wait for it.
  const started = addon.callWithin(20_000, 'startImport', { sheetName: 'Customers', onlyFailed: false });
  assert.ok(started.ok, JSON.stringify(started));
  const finished = drive(addon, started.value);
  assert.equal(finished.state, 'done');
  assert.deepEqual(
    resultColumn(addon, 3).map((r) => r.split(' · ')[0]),
    ['Updated', 'Unchanged', 'Unchanged'],
  );
});
