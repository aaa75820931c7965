/**
 * Settings' "Send a test notification" (issue 12): the user sees, before a long import, that the
 * email and the Slack message they chose arrive; the email goes to their own address by default,
 * and no secret is echoed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from './harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

const settings = (over: Record<string, unknown>) => ({
  environment: 'custom' as const,
  apiBaseUrl: sandbox.api,
  apiKey: '',
  apiSecret: '',
  clearCredentials: false,
  sourceSystem: 'API' as const,
  defaultCountry: 'FR',
  notifyEmail: false,
  notifyEmailAddress: '',
  notifySlack: false,
  slackWebhookUrl: '',
  clearSlackWebhook: false,
  ...over,
});

test("a test notification reaches the user's own email and Slack, without any secret", async () => {
  const addon = loadAddon({ user: { email: 'ana@boulangeries.fr' } });
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const webhook = `${sandbox.origin}/slack/webhook`;
  addon.value('saveSettings', settings({ notifyEmail: true, notifySlack: true, slackWebhookUrl: webhook }));
  const before = (await sandbox.admin<Array<{ text: string }>>('/slack')).length;

  const result = addon.value('sendTestNotification');
  assert.deepEqual(result, { email: 'ana@boulangeries.fr', slack: true, problems: [] });
  const mail = addon.app.mail.sent.at(-1);
  assert.deepEqual([mail?.to, mail?.subject], ['ana@boulangeries.fr', 'Upflow import: test notification']);
  const slack = await sandbox.admin<Array<{ text: string }>>('/slack');
  assert.equal(slack.length, before + 1);
  assert.match(slack.at(-1)?.text ?? '', /test from the Upflow importer/);
  const everything = JSON.stringify({ result, mail: addon.app.mail.sent, slack, logs: addon.app.logs });
  for (const secret of [DEMO_SECRET, DEMO_KEY, webhook]) assert.ok(!everything.includes(secret), `${secret} leaked`);
});

test("the address typed in Settings wins over the user's own; a Slack refusal is told, not thrown", () => {
  const addon = loadAddon({ user: { email: 'ana@boulangeries.fr' } });
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  addon.value(
    'saveSettings',
    settings({ notifyEmail: true, notifyEmailAddress: 'compta@boulangeries.fr', notifySlack: true, slackWebhookUrl: `${sandbox.origin.replace(/:\d+$/, ':9')}/slack/webhook` }),
  );
  const result = addon.value('sendTestNotification');
  assert.equal(result.email, 'compta@boulangeries.fr');
  assert.equal(addon.app.mail.sent.at(-1)?.to, 'compta@boulangeries.fr');
  assert.equal(result.slack, false);
  assert.deepEqual(result.problems, ['Slack could not be reached.']);
});

test('with no notification chosen, the test says what to tick', () => {
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const refused = addon.call('sendTestNotification');
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'NOTIFY_NONE');
  assert.match(refused.error.message, /Send an email.*Post to Slack/);
});
