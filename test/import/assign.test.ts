import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';

interface ApiCustomer {
  externalId: string | null;
  name: string;
  accountManagerIds: string[];
  dunningPlanId: string | null;
  contacts: unknown[];
}

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

test('with a native accounting integration, only managers and workflows are assigned, by External ID', async () => {
  await sandbox.admin('/reset', {});
  await sandbox.admin('/organization', { sourceSystem: 'NATIVE_ACCOUNTING' });
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  addon.value('saveSettings', {
    environment: 'custom',
    apiBaseUrl: sandbox.api,
    apiKey: '',
    apiSecret: '',
    clearCredentials: false,
    sourceSystem: 'NATIVE_ACCOUNTING',
    defaultCountry: 'FR',
    notifyEmail: false,
    notifyEmailAddress: '',
    notifySlack: false,
    slackWebhookUrl: '',
    clearSlackWebhook: false,
  });
  paste(addon, 'Assign', [
    ['Customer name', 'External ID', 'Account manager', 'Workflow', 'Contact email'],
    ['Boulangeries Martin', 'C-1001', 'john.smith@example.com, lea.lefevre@example.com', 'Relance douce', 'new.person@martin.fr'],
    ['Acme Ltd', 'C-2001', 'camille.dubois@example.com', 'Standard', ''],
    ['Ghost Inc', 'C-9999', 'camille.dubois@example.com', 'Standard', ''],
  ]);
  const before = await sandbox.get<ApiCustomer>('/customers/external:C-1001');
  const preview = addon.value('previewImport', 'Assign');
  assert.equal(preview.mode, 'assign');
  assert.ok(
    preview.dropped.some((d) => /^Contacts won't be sent: your organisation's source system \(Native accounting integration\)/.test(d)),
    preview.dropped.join(' | '),
  );
  assert.ok(
    preview.notices.some((n) => /^Line 4: The customer was not found/.test(n)),
    'an External ID Upflow does not hold is told before anything is sent',
  );

  let job = addon.value('startImport', { sheetName: 'Assign', onlyFailed: false });
  while (job.state === 'running') job = addon.value('continueImport', job.id);
  assert.equal(job.mode, 'assign');
  assert.equal(job.updated, 2);
  assert.equal(job.failed, 0);
  assert.equal(job.skipped, 1);

  const martin = await sandbox.get<ApiCustomer>('/customers/external:C-1001');
  const users = await sandbox.get<{ users: Array<{ id: string; email: string }> }>('/users');
  const emails = martin.accountManagerIds.map((id) => users.users.find((u) => u.id === id)?.email);
  assert.deepEqual(emails, ['john.smith@example.com', 'lea.lefevre@example.com'], 'several account managers assigned');
  assert.equal(martin.contacts.length, before.contacts.length, 'no contact was sent');
  assert.equal(martin.name, before.name);
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Assign')!;
  assert.match(String(sheet.getRange(4, 6).getValue()), /^Not imported: The customer was not found: Upflow holds no customer with this External ID\. Check the External ID/);
  const history = addon.value('getHistory')[0]!;
  assert.equal(history.mode, 'assign');
  assert.equal(history.status, 'partial');
});
