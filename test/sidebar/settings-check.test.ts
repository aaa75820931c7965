/**
 * What the settings form says before Save (sidebar/settings-check.ts): the server's rules
 * (src/server/settings.ts), from the same engine modules, so the sidebar lets through nothing the
 * server refuses and refuses nothing it takes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsProblems } from '../../sidebar/settings-check';
import { draftOf } from '../../sidebar/state';
import { APP, SETTINGS } from './fixtures';

const draft = draftOf(SETTINGS);

test('a custom address is only the local playground’s, with or without a path or a slash at its end', () => {
  for (const url of ['http://127.0.0.1:8787/v1', ' http://localhost:3000/ ', 'http://127.0.0.1']) {
    assert.deepEqual(settingsProblems({ ...draft, environment: 'custom', apiBaseUrl: url }, APP), [], url);
  }
  for (const url of ['https://api.example.com/v1', 'http://127.0.0.1:8787/my path', 'http://10.0.0.1/v1']) {
    assert.deepEqual(
      settingsProblems({ ...draft, environment: 'custom', apiBaseUrl: url }, APP).map((p) => p.id),
      ['set-url'],
      url,
    );
  }
  assert.deepEqual(settingsProblems({ ...draft, environment: 'sandbox', apiBaseUrl: 'anything' }, APP), [], 'Upflow’s own addresses need no URL');
});

test('the email to notify is an address a mail server takes, or empty for the user’s own', () => {
  const notify = (address: string, user = APP.user) => settingsProblems({ ...draft, notifyEmail: true, notifyEmailAddress: address }, { ...APP, user });
  assert.deepEqual(notify('ops@example.com'), []);
  assert.deepEqual(notify(''), [], 'the user’s own address');
  assert.deepEqual(notify('ana@'), [{ id: 'set-email', message: '"ana@" is not an email address.' }]);
  assert.deepEqual(notify('ana@example'), [{ id: 'set-email', message: '"ana@example" is not an email address.' }]);
  assert.deepEqual(notify('', ''), [{ id: 'set-email', message: 'Enter the email address to notify, or untick email notifications.' }], 'Google gave no address of the user');
});

test('Slack takes an incoming webhook, or keeps the saved one when the field is left empty', () => {
  const slack = (url: string, saved = false) =>
    settingsProblems({ ...draft, notifySlack: true, slackWebhookUrl: url }, { ...APP, settings: { ...SETTINGS, hasSlackWebhook: saved } }).map((p) => p.message);
  assert.deepEqual(slack('https://hooks.slack.com/services/T0/B0/x1'), []);
  assert.deepEqual(slack('', true), []);
  assert.deepEqual(slack('https://example.com/hook'), ['The Slack address must be an incoming webhook, starting with https://hooks.slack.com/services/.']);
  assert.deepEqual(slack(''), ['Paste the Slack webhook URL, or untick Slack notifications.']);
});

test('every field to fix is named at once, in the order of the form', () => {
  const all = settingsProblems(
    { ...draft, environment: 'custom', apiBaseUrl: 'https://example.com', notifyEmail: true, notifyEmailAddress: 'x', notifySlack: true, slackWebhookUrl: 'y' },
    APP,
  );
  assert.deepEqual(
    all.map((p) => p.id),
    ['set-url', 'set-email', 'set-slack'],
  );
});
