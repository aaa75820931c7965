import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from './harness';

const settings = (environment: 'production' | 'sandbox' | 'custom', apiBaseUrl: string) => ({
  environment,
  apiBaseUrl,
  apiKey: 'k',
  apiSecret: 's',
  clearCredentials: false,
  sourceSystem: 'API' as const,
  defaultCountry: 'FR',
  notifyEmail: false,
  notifyEmailAddress: '',
  notifySlack: false,
  slackWebhookUrl: '',
  clearSlackWebhook: false,
});

test('the API address offers what works deployed; a custom one is refused unless it is the local playground', () => {
  const addon = loadAddon();
  const refused = addon.call('saveSettings', settings('custom', 'https://upflow-proxy.example.com/v1'));
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'SETTINGS_URL');
  assert.match(refused.error.message, /production and sandbox/);
  assert.match(refused.error.message, /local playground only/);
  assert.equal(addon.value('saveSettings', settings('sandbox', '')).apiBaseUrl, 'https://api.sandbox.upflow.io/v1');
  assert.equal(addon.value('saveSettings', settings('custom', 'http://127.0.0.1:4010/v1')).apiBaseUrl, 'http://127.0.0.1:4010/v1');
});

test('what the settings offer is what the manifest lets the add-on fetch', () => {
  const addon = loadAddon();
  const { UrlFetchApp } = addon.app.globals;
  addon.value('saveSettings', settings('production', ''));
  // Reached out (this machine has no internet), not refused by the manifest.
  assert.throws(() => UrlFetchApp.fetch(`${addon.value('getSettings').apiBaseUrl}/users`), /Address unavailable/);
  addon.value('saveSettings', settings('sandbox', ''));
  assert.throws(() => UrlFetchApp.fetch(`${addon.value('getSettings').apiBaseUrl}/users`), /Address unavailable/);
});
