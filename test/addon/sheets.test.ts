import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from './harness';
import { TEMPLATES } from '../../src/engine/templates';
import { readCsvFile } from '../../src/engine/csv-file';

test('inserting a template adds a sheet with headers, help notes, demo lines, dropdowns and text columns', () => {
  const addon = loadAddon();
  const { sheetName } = addon.value('insertTemplate', 'all');
  assert.equal(sheetName, 'Upflow - All of the above');
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  const width = TEMPLATES.all.fields.length;
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!;
  assert.equal(headers[0], 'Customer name *');
  assert.ok(headers.includes('Main contact'));
  assert.match(sheet.getRange(1, 1).getNote(), /Identifies this account on Upflow/);
  assert.equal(sheet.getFrozenRows(), 1);
  assert.equal(sheet.getLastRow(), 1 + TEMPLATES.all.demo.length);
  const position = headers.indexOf('Position') + 1;
  const rule = sheet.getRange(2, position).getDataValidation();
  assert.deepEqual(rule?.getCriteriaValues()[0], ['Accounting', 'Sales', 'Purchaser', 'Payer']);
  const postal = headers.indexOf('Postal code') + 1;
  assert.equal(sheet.getRange(5, postal).getNumberFormat(), '@', 'postal codes are typed as text: leading zeros survive');
  assert.equal(addon.value('insertTemplate', 'all').sheetName, 'Upflow - All of the above (2)');
  const view = addon.value('checkSheet', sheetName);
  assert.equal(view.errors, 0, JSON.stringify(view.problems));
  assert.equal(addon.value('getMapping', sheetName, null).template, 'all');
});

test('each of the four templates can be inserted and maps to itself', () => {
  const addon = loadAddon();
  for (const id of ['customers', 'contacts', 'assign', 'all'] as const) {
    const { sheetName } = addon.value('insertTemplate', id);
    const mapping = addon.value('getMapping', sheetName, null);
    assert.equal(mapping.template, id);
    assert.deepEqual(mapping.missingRequired, []);
    assert.ok(
      mapping.columns.every((c) => c.field !== null),
      `${id}: every column mapped`,
    );
  }
  assert.equal(addon.call('insertTemplate', 'nope' as never).ok, false);
});

test('a CSV file becomes a new sheet of text: separator detected, leading zeros and quotes kept', () => {
  const addon = loadAddon();
  const csv = '\ufeffNom du client;Code postal;Téléphone;Email\r\n"Dupont; Fils";01234;0612345678;a@b.fr\r\n\r\nMartin;75002;+33 1 42 68 53 00;c@d.fr\r\n';
  const reading = readCsvFile('export clients.csv', csv);
  assert.ok(reading.ok);
  assert.equal(reading.value.delimiter, ';');
  assert.deepEqual(reading.value.problems, []);
  assert.deepEqual(addon.value('importCsv', 'export clients.csv', reading.value.rows), { sheetName: 'export clients', rows: 2 });
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('export clients')!;
  assert.deepEqual(sheet.getDataRange().getValues(), [
    ['Nom du client', 'Code postal', 'Téléphone', 'Email'],
    ['Dupont; Fils', '01234', '0612345678', 'a@b.fr'],
    ['Martin', '75002', '+33 1 42 68 53 00', 'c@d.fr'],
  ]);
  assert.equal(
    addon.value('getSidebarState').sheets.some((s) => s.name === 'export clients'),
    true,
  );
  const empty = addon.call('importCsv', 'empty.csv', []);
  assert.ok(!empty.ok && /no lines/.test(empty.error.message));
});

test('settings keep secrets in user properties only and never send them back', () => {
  const addon = loadAddon();
  const input = {
    environment: 'custom' as const,
    apiBaseUrl: 'http://127.0.0.1:9/v1',
    apiKey: 'key-123',
    apiSecret: 'secret-456',
    clearCredentials: false,
    sourceSystem: 'API' as const,
    defaultCountry: 'FR',
    notifyEmail: true,
    notifyEmailAddress: '',
    notifySlack: true,
    slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/XYZ',
    clearSlackWebhook: false,
  };
  const saved = addon.value('saveSettings', input);
  assert.equal(saved.hasApiKey, true);
  assert.equal(saved.hasSlackWebhook, true);
  const shown = JSON.stringify(addon.value('getSidebarState'));
  for (const secret of ['key-123', 'secret-456', 'XYZ']) assert.ok(!shown.includes(secret), `${secret} never reaches the sidebar`);
  const { PropertiesService } = addon.app.globals;
  const documentProps = JSON.stringify(PropertiesService.getDocumentProperties().getProperties());
  assert.ok(!documentProps.includes('secret-456'));
  assert.equal(PropertiesService.getUserProperties().getProperty('upflow.apiSecret'), 'secret-456');
  const kept = addon.value('saveSettings', { ...input, apiKey: '', apiSecret: '', slackWebhookUrl: '' });
  assert.equal(kept.hasApiSecret, true, 'an empty field keeps the saved secret');
  const cleared = addon.value('saveSettings', { ...input, apiKey: '', apiSecret: '', slackWebhookUrl: '', clearCredentials: true });
  assert.equal(cleared.hasApiKey, false);
  const refused = addon.call('saveSettings', { ...input, apiBaseUrl: 'http://evil.example.com/v1' });
  assert.ok(!refused.ok && refused.error.code === 'SETTINGS_URL' && /local playground only/.test(refused.error.message));
  const badSlack = addon.call('saveSettings', { ...input, slackWebhookUrl: 'https://example.com/hook' });
  assert.ok(!badSlack.ok && badSlack.error.code === 'SETTINGS_SLACK');
});
