import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste, type Addon } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import type { StartImportInput } from '../../src/shared/api';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

function importSheet(addon: Addon, input: StartImportInput) {
  let job = addon.value('startImport', input);
  while (job.state === 'running') job = addon.value('continueImport', job.id);
  return job;
}

test("a row Upflow refuses ends Failed with Upflow's reason; re-sending failed rows sends only those", async () => {
  await sandbox.admin('/reset', {});
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  paste(addon, 'Customers', [
    ['Customer name', 'Customer ID', 'Contact email', 'First name'],
    ['Nouvelle Boulangerie', 'N-1', 'hello@nouvelle.fr', 'Anne'],
    // This email belongs to a contact of another customer in Upflow: Upflow refuses it.
    ['Pâtisserie Dupuis', 'N-2', 'claire.martin@boulangeries-martin.fr', 'Claire'],
    ['Fromagerie Leroy', 'N-3', 'contact@leroy.fr', 'Marc'],
  ]);
  const first = importSheet(addon, { sheetName: 'Customers', onlyFailed: false });
  assert.deepEqual([first.created, first.failed], [2, 1]);
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  const result = (row: number) => String(sheet.getRange(row, 5).getValue());
  assert.match(result(3), /^Failed: The email claire\.martin@boulangeries-martin\.fr is already used by a contact of customer Boulangeries Martin/);
  assert.match(result(3), /Each contact email can belong to one customer only/);
  const kept = [result(2), result(4)];

  addon.app.edit('Customers', 'C3', 'claire@dupuis.fr');
  const before = await sandbox.admin<{ requests: number; byStatus: Record<string, number> }>('/stats');
  const resent = importSheet(addon, { sheetName: 'Customers', onlyFailed: true });
  assert.deepEqual([resent.totalCustomers, resent.created, resent.failed], [1, 1, 0]);
  assert.match(result(3), /^Created · /);
  assert.deepEqual([result(2), result(4)], kept, 'rows that went through keep their result');
  const after = await sandbox.admin<{ byStatus: Record<string, number> }>('/stats');
  assert.equal((after.byStatus['201'] ?? 0) - (before.byStatus['201'] ?? 0), 1, 'one customer created, the others not sent again');
  const dupuis = await sandbox.get<{ contacts: Array<{ email: string }> }>('/customers/external:N-2');
  assert.deepEqual(
    dupuis.contacts.map((c) => c.email),
    ['claire@dupuis.fr'],
  );
});
