import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste, type Addon } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { heldCustomers } from '../support/upflow-state';
import type { JobView } from '../../src/shared/api';

/**
 * The sheet is live while an import runs: the user inserts, deletes and sorts lines, inserts a
 * column and renames the sheet between the import's read and its write. Each edit below happens
 * while a round of requests is on its way (the add-on is inside UrlFetchApp.fetchAll).
 */
let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox({ profile: 'hard' });
});
after(async () => {
  await sandbox.stop();
});

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const HEADERS = ['Customer name', 'Customer ID', 'City', 'Main contact', 'Contact email'];
const line = (i: number) => [`Edit Test ${i}`, `E-${i}`, 'Paris', '1', `owner${i}@edit${i}.fr`];

/** Runs `edit` the n-th time the add-on sends a batch of writes, as if the user did it meanwhile. */
function editWhileSending(addon: Addon, edits: Array<(sheet: Sheet) => void>): void {
  const context = addon.context as unknown as { UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp };
  const real = context.UrlFetchApp;
  let writes = 0;
  const sheet = () =>
    addon.app.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((s) => s.getSheetId() === id)!;
  const id = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!.getSheetId();
  context.UrlFetchApp = {
    ...real,
    fetch: real.fetch.bind(real),
    fetchAll(requests: Array<GoogleAppsScript.URL_Fetch.URLFetchRequest>) {
      const answers = real.fetchAll(requests);
      if (requests.some((r) => r.method === 'post' || r.method === 'put' || (r as { method?: string }).method === 'POST' || (r as { method?: string }).method === 'PUT')) {
        const edit = edits[writes++];
        edit?.(sheet() as unknown as Sheet);
      }
      return answers;
    },
  };
}

/** A sort acted out: the data lines (results included) rewritten in reverse order. */
function reverseLines(sheet: Sheet): void {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const [header, ...rows] = values;
  range.setValues([header!, ...rows.reverse()]);
}

function drive(addon: Addon, job: JobView): JobView {
  let current = job;
  for (let i = 0; current.state === 'running' && i < 100; i++) {
    const next = addon.call('continueImport', current.id);
    if (next.ok) current = next.value;
  }
  return current;
}

test('edits during an import: every result lands on its own line, no user cell is overwritten, the import ends', { timeout: 120_000 }, async () => {
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  paste(addon, 'Customers', [HEADERS, ...Array.from({ length: 30 }, (_, i) => line(i))]);
  editWhileSending(addon, [
    (s) => s.insertRowBefore(2),
    (s) => s.deleteRow(20),
    reverseLines,
    (s) => s.insertColumnBefore(1),
    (s) => s.setName('Customers (renamed)'),
    (s) => {
      // The user renames a customer whose line was just sent: that line must not say "Created" for the old name.
      const data = s.getDataRange().getValues();
      const at = data.findIndex((r) => r.includes('E-3'));
      const nameColumn = data[0]!.indexOf('Customer name');
      s.getRange(at + 1, nameColumn + 1).setValue('Edit Test 3 renamed');
    },
  ]);
  const job = drive(addon, addon.value('startImport', { sheetName: 'Customers', onlyFailed: false }));
  assert.equal(job.state, 'done', job.message);

  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers (renamed)')!;
  const [header, ...rows] = sheet
    .getDataRange()
    .getValues()
    .map((r) => r.map(String));
  const col = (name: string) => header!.indexOf(name);
  assert.equal(header![0], '', "the inserted column is still the user's, empty");
  assert.ok(
    rows.every((r) => r[0] === ''),
    'no result was written into the inserted column',
  );
  const held = await heldCustomers(sandbox);
  const byId = new Map(held.map((c) => [c.externalId, c]));
  const data = rows.filter((r) => r[col('Customer ID')] !== '');
  assert.equal(data.length, 29, 'one line deleted, none lost');
  for (const r of data) {
    const id = r[col('Customer ID')]!;
    const result = r[col('Upflow import result')]!;
    assert.match(result, /^(Created|Updated|Unchanged) · /, `${id} has a result of this import: ${result}`);
    assert.equal(byId.get(id)?.name, r[col('Customer name')], `${id}: what the line says is what Upflow holds`);
    assert.equal(r[col('City')], 'Paris', `${id}: the user's cells are intact`);
  }
  assert.equal(held.filter((c) => c.externalId?.startsWith('E-')).length, 30, "every customer sent once, the deleted line's included if it had been sent");
});
