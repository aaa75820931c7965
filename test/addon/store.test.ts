import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from './harness';
import { KEYS, SETTINGS, type Key } from '../../src/server/store/keys';

/** Every name the store lists, per-sheet and per-import ones as patterns. */
const listed: RegExp[] = [...Object.values(SETTINGS), ...Object.values(KEYS)].map((entry) => {
  const name = typeof entry === 'function' ? (entry as (id: never) => Key<unknown>)('ID' as never).name : entry.name;
  return new RegExp(`^${name.replace(/\./g, '\\.').replace('ID', '[^.]+')}$`);
});

test('every property the add-on writes is one the store lists, and the secrets are in the user properties only', () => {
  const addon = loadAddon();
  addon.value('saveSettings', {
    environment: 'sandbox',
    apiBaseUrl: '',
    apiKey: 'key-123',
    apiSecret: 'secret-456',
    clearCredentials: false,
    sourceSystem: 'API',
    defaultCountry: 'FR',
    notifyEmail: true,
    notifyEmailAddress: '',
    notifySlack: true,
    slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/XYZ',
    clearSlackWebhook: false,
  });
  paste(addon, 'Customers', [
    ['Customer name', 'Customer ID', 'Country', 'Contact email'],
    ['Acme ', 'C-1', 'France', 'jane@acme'],
  ]);
  addon.value('getMapping', 'Customers', 'customers');
  addon.value('saveMapping', { sheetName: 'Customers', template: 'customers', columns: [{ column: 'B', field: 'customerId' }] });
  addon.value('checkSheet', 'Customers');
  addon.app.edit('Customers', 'D2', 'jane@acme.fr');
  assert.equal(addon.value('applyFixesUndoable', { fix: { sheetName: 'Customers', cell: null, code: null }, batch: 'b1' }).undoable, 1);

  const { PropertiesService } = addon.app.globals;
  const user = PropertiesService.getUserProperties().getProperties();
  const document = PropertiesService.getDocumentProperties().getProperties();
  const names = [...Object.keys(user), ...Object.keys(document)];
  assert.ok(names.length >= 12, names.join(' '));
  for (const name of names)
    assert.ok(
      listed.some((pattern) => pattern.test(name)),
      `${name} is listed in src/server/store/keys.ts`,
    );
  for (const name of ['upflow.apiKey', 'upflow.apiSecret', 'upflow.slackWebhookUrl']) assert.ok(name in user, name);
  for (const secret of ['key-123', 'secret-456', 'XYZ']) assert.ok(!JSON.stringify(document).includes(secret), secret);
  assert.ok(Object.values(SETTINGS).every((key) => key.place === 'userProperties'));
});

test('a kept value the add-on cannot read counts as absent, never as an error', () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [
    ['Nom', 'Pays'],
    ['Acme', 'France'],
  ]);
  const sheetId = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!.getSheetId();
  const { PropertiesService } = addon.app.globals;
  PropertiesService.getDocumentProperties().setProperty(KEYS.mapping(sheetId).name, '{"template":"customers","saved":');
  PropertiesService.getUserProperties().setProperty(SETTINGS.environment.name, 'staging');
  assert.equal(addon.value('getMapping', 'Customers', null).columns[0]?.field, 'customerName', 'the headers are matched afresh');
  assert.equal(addon.value('getSettings').environment, 'production');
});
