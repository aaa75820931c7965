import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAddon, paste, type Addon } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { heldCustomers, named } from '../support/upflow-state';
import type { JobView } from '../../src/shared/api';

/**
 * The same sheet, imported twice, against both readings of Upflow's open points
 * (packages/upflow-sandbox/readings.ts): filters ignored, pages of 100, no contacts in the list, contacts matched
 * only by id, 200 for creates, workflows in pages of 20... Nothing may be duplicated, written to
 * a customer the sheet doesn't name, or reported wrongly.
 */
function seedFile(): string {
  const seed = JSON.parse(readFileSync(new URL('../../packages/upflow-sandbox/seed.json', import.meta.url), 'utf8')) as Record<string, unknown[]>;
  const filler = Array.from({ length: 110 }, (_, i) => ({ externalId: `F-${i}`, name: `Filler ${i}` }));
  const customers = [
    ...seed.customers!,
    { name: 'A B Conseil', accountingRef: 'KEEP-ME' },
    ...filler,
    // Past the first page of 100, with no ID: only the full list finds it.
    { name: 'Garage Martin', contacts: [{ email: 'atelier@garage-martin.fr', firstName: 'Atelier' }] },
  ];
  const workflows = [
    ...seed.dunningPlans!,
    ...Array.from({ length: 24 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Plan ${i}` })),
    { id: '00000000-0000-4000-8000-999999999999', name: 'Late plan' },
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'upflow-seed-')), 'seed.json');
  writeFileSync(file, JSON.stringify({ ...seed, customers, dunningPlans: workflows }));
  return file;
}

const HEADERS = ['Customer name', 'Customer ID', 'Workflow', 'Contact email', 'First name', 'Main contact'];
const SHEET = [
  HEADERS,
  ['A&B Conseil', '', '', 'contact@ab-conseil.fr', 'Alice', '1'],
  ['Garage Martin', '', 'Late plan', 'compta@garage-martin.fr', 'Jean', ''],
  ['Nouvelle Boulangerie', 'N-1', 'Standard', 'pain@nouvelle.fr', 'Paul', '1'],
  ['Boulangeries Martin', 'C-1001', '', 'claire.martin@boulangeries-martin.fr', 'Claire-Marie', ''],
  ['Solo Sans Contact', '', 'Late plan', '', '', ''],
];

function drive(addon: Addon, job: JobView): JobView {
  let current = job;
  for (let i = 0; current.state === 'running' && i < 200; i++) {
    const next = addon.call('continueImport', current.id);
    if (next.ok) current = next.value;
  }
  return current;
}

function results(addon: Addon): string[] {
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  return sheet
    .getRange(2, HEADERS.length + 1, SHEET.length - 1, 1)
    .getValues()
    .map((r) => String(r[0]).replace(/ · .*$/, ''));
}

for (const profile of ['documented', 'hard'] as const) {
  describe(`against the ${profile} reading of Upflow`, () => {
    let sandbox: TestSandbox;
    before(async () => {
      sandbox = await startTestSandbox({ profile, seed: seedFile() });
    });
    after(async () => {
      await sandbox.stop();
    });

    test('importing the same sheet twice duplicates nothing, writes only what it names, and says truly what happened', { timeout: 120_000 }, async () => {
      const addon = loadAddon();
      addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
      paste(addon, 'Customers', SHEET);
      const before = await heldCustomers(sandbox);
      const abBefore = named(before, 'A B Conseil')[0]!;

      const preview = addon.value('previewImport', 'Customers');
      assert.ok(
        preview.notices.some((n) => /"A&B Conseil" looks like "A B Conseil"/.test(n)),
        preview.notices.join('\n'),
      );
      assert.deepEqual(preview.customers, { create: 3, update: 2, unchanged: 0 });

      const first = drive(addon, addon.value('startImport', { sheetName: 'Customers', onlyFailed: false }));
      assert.equal(first.state, 'done', first.message);
      assert.deepEqual(results(addon), ['Created', 'Updated', 'Created', 'Updated', 'Created']);
      assert.deepEqual([first.created, first.updated, first.unchanged, first.failed], [3, 2, 0, 0]);

      const second = drive(addon, addon.value('startImport', { sheetName: 'Customers', onlyFailed: false }));
      assert.equal(second.state, 'done', second.message);
      assert.deepEqual(results(addon), ['Unchanged', 'Unchanged', 'Unchanged', 'Unchanged', 'Unchanged']);

      const after = await heldCustomers(sandbox);
      assert.equal(after.length, before.length + 3, 'three customers created, once each');
      for (const name of ['A&B Conseil', 'A B Conseil', 'Garage Martin', 'Nouvelle Boulangerie', 'Solo Sans Contact', 'Boulangeries Martin']) {
        assert.equal(named(after, name).length, 1, `${name} is held once`);
      }
      const ab = named(after, 'A B Conseil')[0]!;
      assert.deepEqual(ab, abBefore, 'the look-alike customer was not touched');
      const garage = named(after, 'Garage Martin')[0]!;
      assert.deepEqual(garage.contacts.map((c) => c.email).sort(), ['atelier@garage-martin.fr', 'compta@garage-martin.fr'], 'its contact kept, the new one added once');
      assert.equal(garage.dunningPlanId, '00000000-0000-4000-8000-999999999999', 'a workflow on a later page is found');
      const martin = named(after, 'Boulangeries Martin')[0]!;
      const martinBefore = named(before, 'Boulangeries Martin')[0]!;
      assert.deepEqual(
        martin.contacts.map((c) => c.email).sort(),
        martinBefore.contacts.map((c) => c.email).sort(),
        'a contact re-imported without its ID is not duplicated, none is dropped',
      );
    });
  });
}
