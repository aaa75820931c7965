import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsvFile } from '../../src/engine/csv-file';
import { loadAddon } from './harness';

/** What the sidebar does with a chosen file's text: reads it, then sends its lines (sidebar/views/csv.ts). */
function linesOf(fileName: string, text: string): string[][] {
  const reading = readCsvFile(fileName, text);
  assert.ok(reading.ok, JSON.stringify(!reading.ok && reading.error));
  return reading.value.rows;
}

test('the lines of a tab-separated file with a title line go into a new sheet as they are', () => {
  const addon = loadAddon();
  const csv = 'Clients au 1er décembre\nCustomer name\tCity\tCountry\nAcme\tParis\tFR\nGamma\tNice\tFR\n';
  assert.deepEqual(addon.value('importCsv', 'clients.tsv', linesOf('clients.tsv', csv)), { sheetName: 'clients.tsv', rows: 3 });
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('clients.tsv')!;
  assert.deepEqual(sheet.getDataRange().getValues(), [
    ['Clients au 1er décembre', '', ''],
    ['Customer name', 'City', 'Country'],
    ['Acme', 'Paris', 'FR'],
    ['Gamma', 'Nice', 'FR'],
  ]);
});

test('importCsv refuses what is not lines of text, and more lines than one sheet holds, adding no sheet', () => {
  const addon = loadAddon();
  const sheets = () => addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets().length;
  const before = sheets();
  const notText = addon.call('importCsv', 'x.csv', 'Customer name\nAcme' as never);
  assert.ok(!notText.ok && notText.error.code === 'CSV_NOT_TEXT', JSON.stringify(notText));
  const wide = Array.from({ length: 2_001 }, () => Array<string>(1_000).fill('x'));
  const big = addon.call('importCsv', 'big.csv', wide);
  assert.ok(!big.ok && big.error.code === 'CSV_TOO_BIG' && /"big\.csv" has 2001 lines of 1000 columns/.test(big.error.message), JSON.stringify(big).slice(0, 300));
  assert.equal(sheets(), before);
});

test('a CSV of 200,000 lines goes into a sheet', () => {
  const addon = loadAddon();
  const lines = ['Customer name;Postal code;City'];
  for (let i = 0; i < 200_000; i++) lines.push(`Client ${i};0${1000 + (i % 9000)};Paris`);
  const result = addon.value('importCsv', 'big.csv', linesOf('big.csv', lines.join('\n')));
  assert.equal(result.rows, 200_000);
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('big')!;
  assert.deepEqual(sheet.getRange(200_001, 1, 1, 3).getValues(), [['Client 199999', '02999', 'Paris']]);
});
