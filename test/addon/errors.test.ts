import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from './harness';

test('Upflow out of reach is an error value saying so, without the address it involved', () => {
  const addon = loadAddon();
  addon.connect('http://127.0.0.1:1/v1/secret-path', 'k', 's');
  const result = addon.call('testConnection');
  assert.ok(!result.ok);
  assert.equal(result.error.code, 'UNREACHABLE');
  assert.match(result.error.message, /^Upflow could not be reached/);
  const text = JSON.stringify(result);
  assert.ok(!text.includes('secret-path'), text);
  assert.ok(!text.includes('127.0.0.1:1'), text);
});

test('import steps without Upflow settings say where to add them', () => {
  const addon = loadAddon();
  const result = addon.call('previewImport', 'Sheet1');
  assert.ok(!result.ok);
  assert.equal(result.error.code, 'NOT_CONNECTED');
  assert.match(result.error.message, /Settings/);
});
