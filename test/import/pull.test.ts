import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from '../addon/harness';
import { pullAll } from '../support/pull';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { changedBetween, heldCustomers } from '../support/upflow-state';
import type { JobView } from '../../src/shared/api';

/** Get customers from Upflow into a sheet, then import that sheet back: against the hard reading. */
let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox({ profile: 'hard' });
});
after(async () => {
  await sandbox.stop();
});

test('customers pulled into a sheet import back with nothing sent, and three edited cells send those three customers only', { timeout: 120_000 }, async () => {
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const held = await heldCustomers(sandbox);
  const pulled = pullAll(addon);
  assert.equal(pulled.customers, held.length);
  assert.equal(
    pulled.lines,
    held.reduce((n, c) => n + Math.max(c.contacts.length, 1), 0),
    'one line per contact, one for a customer without',
  );
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(pulled.sheetName)!;
  const [header, ...lines] = sheet.getDataRange().getValues();
  assert.equal(header![0], 'Customer name');
  assert.ok(
    lines.some((l) => l.includes('+33 1 42 68 53 00')),
    'phones kept as text',
  );

  const preview = addon.value('previewImport', pulled.sheetName);
  assert.deepEqual(preview.customers, { create: 0, update: 0, unchanged: held.length }, JSON.stringify(preview.notices));
  const drive = (job: JobView) => {
    let current = job;
    while (current.state === 'running') current = addon.value('continueImport', current.id);
    return current;
  };
  const untouched = drive(addon.value('startImport', { sheetName: pulled.sheetName, onlyFailed: false }));
  assert.deepEqual([untouched.created, untouched.updated, untouched.unchanged, untouched.failed, untouched.skipped], [0, 0, held.length, 0, 0]);
  assert.deepEqual(changedBetween(held, await heldCustomers(sandbox)), [], 'nothing changed in Upflow');

  // Three cells of three customers, as a sales person would edit them.
  const cityColumn = header!.indexOf('City') + 1;
  const names = [...new Set(lines.map((l) => String(l[0])))].slice(0, 3);
  assert.equal(names.length, 3, 'the seed holds three customers to edit');
  const cities = ['Manchester', 'Rennes', 'Ghent'];
  names.forEach((name, i) => {
    const row = lines.findIndex((l) => l[0] === name) + 2;
    sheet.getRange(row, cityColumn).setValue(cities[i]);
  });
  const editedPreview = addon.value('previewImport', pulled.sheetName);
  assert.deepEqual(editedPreview.customers, { create: 0, update: 3, unchanged: held.length - 3 });
  assert.deepEqual(
    editedPreview.changes.map((c) => [c.customer, c.changes.map((f) => f.to)]).sort(),
    names.map((name, i) => [name, [cities[i]]]).sort(),
    'the preview shows exactly the three edited cells',
  );
  const edited = drive(addon.value('startImport', { sheetName: pulled.sheetName, onlyFailed: false }));
  assert.equal(edited.updated, 3);
  assert.deepEqual(changedBetween(held, await heldCustomers(sandbox)).sort(), [...names].sort());
});
