import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from './harness';

test("a spent daily UrlFetch quota is told as Google's limit, not as Upflow out of reach", () => {
  const addon = loadAddon({ urlFetchQuota: 0 });
  addon.connect('http://127.0.0.1:1/v1', 'k', 's');
  const result = addon.call('testConnection');
  assert.ok(!result.ok);
  assert.equal(result.error.code, 'QUOTA_URLFETCH');
  assert.match(result.error.message, /daily limit/);
});

test("a full property store is told as Google's storage limit", () => {
  const addon = loadAddon();
  paste(addon, 'Customers', [
    ['Customer name', 'Customer ID'],
    ['Acme', 'C-1'],
  ]);
  // Another add-on's data fills the spreadsheet's 500 KB, all but 10 bytes.
  const store = addon.app.globals.PropertiesService.getDocumentProperties();
  store.setProperties(Object.fromEntries(Array.from({ length: 63 }, (_, i) => [`filler.${i}`, 'x'.repeat(8000)])));
  const used = Object.entries(store.getProperties()).reduce((n, [k, v]) => n + k.length + v.length, 0);
  store.setProperty('pad', 'x'.repeat(500 * 1024 - used - 'pad'.length - 10));
  const saved = addon.call('saveMapping', { sheetName: 'Customers', template: 'customers', columns: [{ column: 'B', field: null }] });
  assert.ok(!saved.ok);
  assert.equal(saved.error.code, 'QUOTA_PROPERTIES');
});
