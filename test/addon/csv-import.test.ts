import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from './harness';

test('importCsv reports broken lines with their line numbers and reads tab-separated files with a title line', () => {
  const addon = loadAddon();
  const csv = 'Clients au 1er décembre\nCustomer name\tCity\tCountry\nAcme\tParis\tFR\n"Beta\tLyon\tFR\nGamma\tNice\tFR\n';
  const result = addon.value('importCsv', 'clients.tsv', csv);
  assert.equal(result.delimiter, '\t');
  assert.deepEqual(
    result.problems.map((p) => [p.line, p.severity]),
    [[4, 'error']],
  );
  assert.match(result.problems[0]!.message, /^Line 4 of the file: a quoted value is never closed/);
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('clients.tsv')!;
  assert.deepEqual(sheet.getDataRange().getValues().slice(0, 3), [
    ['Clients au 1er décembre', '', ''],
    ['Customer name', 'City', 'Country'],
    ['Acme', 'Paris', 'FR'],
  ]);
});

test('importCsv says when it is given something other than text, and gives the size past the limit', () => {
  const addon = loadAddon();
  const notText = addon.call('importCsv', 'x.csv', 42 as unknown as string);
  assert.ok(!notText.ok && notText.error.code === 'CSV_NOT_TEXT', JSON.stringify(notText));
  const big = addon.call('importCsv', 'big.csv', 'a'.repeat(10 * 1024 * 1024 + 1));
  assert.ok(!big.ok && /10\.0 million characters, over the 10 MB limit/.test(big.error.message), JSON.stringify(big).slice(0, 300));
});

test('a CSV of 200,000 lines goes into a sheet', () => {
  const addon = loadAddon();
  const lines = ['Customer name;Postal code;City'];
  for (let i = 0; i < 200_000; i++) lines.push(`Client ${i};0${1000 + (i % 9000)};Paris`);
  const result = addon.value('importCsv', 'big.csv', lines.join('\n'));
  assert.equal(result.rows, 200_000);
  assert.deepEqual(result.problems, []);
});
