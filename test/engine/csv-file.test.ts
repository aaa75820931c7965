import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsvFile } from '../../src/engine/csv-file';

const WORKBOOK = `PK\u0003\u0004\u0014\u0000\u0006\u0000${'\u0000'.repeat(40)}[Content_Types].xml`;

/** A file's text, and what the sidebar makes of it: lines for a new sheet, or the message it shows. */
const CASES: Array<[string, string, string, RegExp | number]> = [
  ['a workbook renamed .csv', 'customers.csv', WORKBOOK, /^"customers\.csv" is not a CSV text file: .* save it as CSV/],
  ['a file over 10 MB', 'big.csv', 'a'.repeat(10 * 1024 * 1024 + 1), /^This file is too big: 10\.0 million characters, over the 10 MB limit\. Split it/],
  ['an empty file', 'empty.csv', '', /^"empty\.csv" has no lines\. Check that it is the right file\.$/],
  ['more cells than a sheet takes in one write', 'wide.csv', `${'a;'.repeat(999)}a\n`.repeat(2_001), /^"wide\.csv" has 2001 lines of 1000 columns: too big for one sheet/],
  ['accented text', 'accents.csv', 'Nom;Ville\nCafé;Besançon\n', 2],
  ['headers only', 'empty.csv', 'Customer name,Customer ID\n', 1],
  ['a few stray control characters in a long text', 'notes.csv', `Name;Notes\n${'Acme;ok\u0007\n'.repeat(5)}${'Beta;fine\n'.repeat(2_000)}`, 2_006],
];

for (const [what, fileName, text, expected] of CASES) {
  test(`reading a CSV file: ${what}`, () => {
    const reading = readCsvFile(fileName, text);
    if (typeof expected === 'number') {
      assert.ok(reading.ok, JSON.stringify(!reading.ok && reading.error));
      assert.equal(reading.value.rows.length, expected);
    } else {
      assert.ok(!reading.ok, 'refused');
      assert.match(reading.error.message, expected);
    }
  });
}
