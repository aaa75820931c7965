import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { generateSheet } from '../../bench/generate';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

test('the end of an import is told by toast, email and Slack, without any secret', async () => {
  const addon = loadAddon({ user: { email: 'ana@boulangeries.fr' } });
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const webhook = `${sandbox.origin}/slack/webhook`;
  addon.value('saveSettings', {
    environment: 'custom',
    apiBaseUrl: sandbox.api,
    apiKey: '',
    apiSecret: '',
    clearCredentials: false,
    sourceSystem: 'API',
    defaultCountry: 'FR',
    notifyEmail: true,
    notifyEmailAddress: '',
    notifySlack: true,
    slackWebhookUrl: webhook,
    clearSlackWebhook: false,
  });
  const { headers, rows } = generateSheet(6, { errorRate: 0, managers: ['camille.dubois@example.com'], workflows: ['Standard'] });
  rows[5]![14] = 'broken-email';
  paste(addon, 'Customers', [headers, ...rows]);
  let job = addon.value('startImport', { sheetName: 'Customers', onlyFailed: false });
  while (job.state === 'running') job = addon.value('continueImport', job.id);

  assert.equal(addon.app.ui.toasts.at(-1)?.title, 'Upflow import of "Customers" finished with errors');
  const mail = addon.app.mail.sent.at(-1);
  assert.ok(mail, 'an email was sent');
  assert.deepEqual([mail.to, mail.subject], ['ana@boulangeries.fr', 'Upflow import of "Customers" finished with errors']);
  assert.match(mail.body ?? '', /3 created, 0 updated, 0 unchanged, 0 failed, 1 line not imported/);
  const slack = await sandbox.admin<Array<{ text: string }>>('/slack');
  assert.match(slack.at(-1)?.text ?? '', /finished with errors: 3 created/);
  const everything = JSON.stringify({ mail: addon.app.mail.sent, slack, history: addon.value('getHistory'), logs: addon.app.logs });
  for (const secret of [DEMO_SECRET, DEMO_KEY, webhook]) assert.ok(!everything.includes(secret), `${secret} leaked`);
});
