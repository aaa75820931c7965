import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste, type Addon } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { generateSheet } from '../../bench/generate';
import type { JobView } from '../../src/shared/api';

interface ApiCustomer {
  id: string;
  name: string;
  externalId: string | null;
  accountManagerIds?: string[];
  dunningPlanId?: string | null;
  parent?: { externalId?: string | null } | null;
  contacts: Array<{ email: string; isMain?: boolean | null }>;
}

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

const MANAGERS = ['camille.dubois@example.com', 'john.smith@example.com'];
const WORKFLOWS = ['Standard', 'Grands comptes'];

function sheetOf(customers: number, extra: string[][] = []) {
  const generated = generateSheet(customers * 2, { errorRate: 0, managers: MANAGERS, workflows: WORKFLOWS, seed: 7 });
  return [generated.headers, ...generated.rows, ...extra];
}

/** Three customers known by name only (no ID): Upflow can't upsert them, so retries must look them up. */
const NAMELESS = (width: number) =>
  ['Nameless Bakery', 'Orphan Shop', 'Lonely Café'].map((name, i) => {
    const row = Array<string>(width).fill('');
    row[0] = name;
    row[8] = 'France';
    row[14] = `owner${i}@nameless${i}.fr`;
    return row;
  });

function drive(addon: Addon, job: JobView, limitMs?: number): JobView {
  let current = job;
  for (let i = 0; current.state === 'running' && i < 500; i++) {
    const next = limitMs ? addon.callWithin(limitMs, 'continueImport', current.id) : addon.call('continueImport', current.id);
    if (next.ok) current = next.value;
  }
  return current;
}

async function allCustomers(): Promise<ApiCustomer[]> {
  const page = await sandbox.get<{ customers: ApiCustomer[]; total: number }>('/customers?offset=0&limit=500');
  return page.customers;
}

test('an import creates every customer once with its contacts, managers, workflow and group; a re-import sends nothing', async () => {
  await sandbox.admin('/reset', {});
  // Slow answers make requests of one batch overlap at the server, so their number can be seen.
  await sandbox.admin('/faults', { slowMs: 15 });
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const rows = sheetOf(40);
  paste(addon, 'Customers', [...rows, ...NAMELESS(rows[0]!.length)]);

  const preview = addon.value('previewImport', 'Customers');
  assert.equal(preview.customers.create, 43);
  assert.equal(preview.customers.unchanged, 0);
  assert.equal(preview.contacts.create, 83);

  const finished = drive(addon, addon.value('startImport', { sheetName: 'Customers', onlyFailed: false }));
  assert.equal(finished.state, 'done');
  assert.equal(finished.created, 43, finished.message);
  assert.equal(finished.failed, 0);

  const customers = await allCustomers();
  const ours = customers.filter(
    (c) => (c.externalId?.startsWith('C-1') && c.externalId.length === 8) || c.name.startsWith('Nameless') || c.name === 'Orphan Shop' || c.name === 'Lonely Café',
  );
  assert.equal(ours.length, 43, 'every customer present once');
  assert.equal(new Set(customers.map((c) => c.externalId ?? c.name)).size, customers.length, 'no duplicate');
  const first = customers.find((c) => c.externalId === 'C-100000')!;
  assert.equal(first.contacts.length, 2);
  assert.equal(first.contacts.filter((c) => c.isMain).length, 1);
  assert.equal(first.accountManagerIds?.length, 1);
  assert.ok(first.dunningPlanId);
  const subsidiary = customers.find((c) => c.externalId === 'C-100009')!;
  assert.equal(subsidiary.parent?.externalId, 'C-100008', 'the group link arrived');

  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  const results = sheet
    .getRange(2, rows[0]!.length + 1, rows.length + 2, 1)
    .getValues()
    .map((r) => String(r[0]));
  assert.equal(sheet.getRange(1, rows[0]!.length + 1).getValue(), 'Upflow import result');
  assert.ok(
    results.every((r) => r.startsWith('Created · ')),
    results.find((r) => !r.startsWith('Created')),
  );

  const history = addon.value('getHistory');
  assert.equal(history[0]!.status, 'success');
  assert.equal(history[0]!.created, 43);
  assert.equal(addon.app.ui.toasts.at(-1)?.title, 'Upflow import of "Customers" finished');

  const stats = await sandbox.admin<{ requests: number; maxInFlightSeen: number; rateLimited: number }>('/stats');
  assert.ok(stats.maxInFlightSeen <= 5, `at most 5 requests at once (saw ${stats.maxInFlightSeen})`);
  assert.ok(stats.maxInFlightSeen >= 2, 'requests really went out in parallel batches');
  assert.equal(stats.rateLimited, 0);
  await sandbox.admin('/faults', {});
  const before = stats.requests;
  const again = addon.value('previewImport', 'Customers');
  assert.equal(again.customers.unchanged, 43);
  const reimport = drive(addon, addon.value('startImport', { sheetName: 'Customers', onlyFailed: false }));
  assert.equal(reimport.unchanged, 43);
  assert.equal(reimport.created + reimport.updated, 0);
  const sent = (await sandbox.admin<{ requests: number }>('/stats')).requests - before;
  assert.ok(sent <= 8, `a re-import of an unchanged sheet only reads (${sent} requests)`);
});

test('a second import on the same document is refused while one runs, and Cancel ends it', async () => {
  await sandbox.admin('/reset', {});
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  paste(addon, 'Customers', sheetOf(10));
  const job = addon.value('startImport', { sheetName: 'Customers', onlyFailed: false });
  const second = addon.call('startImport', { sheetName: 'Customers', onlyFailed: false });
  assert.ok(!second.ok && second.error.code === 'IMPORT_RUNNING', JSON.stringify(second));
  assert.match(second.ok ? '' : second.error.message, /still running/);
  const cancelled = addon.value('cancelImport', job.id);
  assert.equal(cancelled.state, 'cancelled');
  assert.equal(addon.value('getHistory')[0]!.status, 'cancelled');
  assert.equal(addon.value('startImport', { sheetName: 'Customers', onlyFailed: false }).state, 'running', 'a new import can start after a cancel');
});

test('lines with errors are not sent, are marked "Not imported", and can be copied to a new sheet', async () => {
  await sandbox.admin('/reset', {});
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const rows = sheetOf(5);
  rows[3]![14] = 'not-an-email';
  paste(addon, 'Customers', rows);
  const done = drive(addon, addon.value('startImport', { sheetName: 'Customers', onlyFailed: false }));
  assert.equal(done.state, 'done');
  const width = rows[0]!.length;
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  assert.match(String(sheet.getRange(4, width + 1).getValue()), /^Not imported: O4: /);
  assert.equal(addon.value('getHistory')[0]!.status, 'partial');
  const copy = addon.value('copyFailedRows', 'Customers');
  assert.equal(copy.rows, 1);
  const copied = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(copy.sheetName)!;
  assert.equal(copied.getRange(2, 15).getValue(), 'not-an-email');
});

test('the import history lives in a hidden sheet that warns before a hand edit, and the sidebar reads it newest first', async () => {
  await sandbox.admin('/reset', {});
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  paste(addon, 'First', sheetOf(2));
  paste(addon, 'Second', sheetOf(3));
  for (const sheetName of ['First', 'Second']) drive(addon, addon.value('startImport', { sheetName, onlyFailed: false }));
  const spreadsheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet();
  const history = spreadsheet.getSheetByName('Upflow import history')!;
  assert.equal(history.isSheetHidden(), true);
  const protection = history.getProtections(addon.app.globals.SpreadsheetApp.ProtectionType.SHEET)[0];
  assert.equal(protection?.isWarningOnly(), true);
  const entries = addon.value('getHistory');
  // The second sheet repeats the first two customers: they are found unchanged.
  assert.deepEqual(
    entries.map((e) => [e.sheet, e.status, e.created, e.unchanged]),
    [
      ['Second', 'success', 1, 2],
      ['First', 'success', 2, 0],
    ],
  );
  assert.ok(entries.every((e) => e.user === 'demo@example.com' && Date.parse(e.endedAt) >= Date.parse(e.startedAt)));
  assert.match(entries[0]!.location, /Sheet "Second", results in column "Upflow import result" \(import #\d+\)/);
  assert.ok(!addon.value('getSidebarState').sheets.some((s) => s.name === 'Upflow import history'), 'the history sheet is not offered for import');
});
