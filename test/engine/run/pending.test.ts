import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pendingOf, rowsToSendAgain, type RunCursor } from '../../../src/engine/run/pending';
import { column, created, failed, notImported, SHEET } from './fixtures';

const import7: RunCursor = { importNumber: 7, onlyFailed: false, failedAtStart: null };

test('the sheet fixture has the customers and the held-back line the tests below read', () => {
  assert.deepEqual(
    SHEET.requests.map((r) => [r.key, r.rows]),
    [
      ['name:acme', [2, 3]],
      ['name:beta', [4]],
      ['name:gamma', [6]],
    ],
  );
  assert.deepEqual(SHEET.skippedRows, [5]);
});

test('an import sends the customers with a line its results do not name yet', () => {
  // results in the sheet → customers still to send, held-back lines still to mark
  const rows: Array<[string, Record<number, string>, RunCursor, string[], number[]]> = [
    ['a fresh sheet', {}, import7, ['name:acme', 'name:beta', 'name:gamma'], [5]],
    ['Acme done by this import', { 2: created(7), 3: created(7) }, import7, ['name:beta', 'name:gamma'], [5]],
    ['one of the two Acme lines done', { 2: created(7) }, import7, ['name:acme', 'name:beta', 'name:gamma'], [5]],
    [
      'everything done by an earlier import',
      { 2: created(6), 3: created(6), 4: created(6), 5: notImported(6), 6: created(6) },
      import7,
      ['name:acme', 'name:beta', 'name:gamma'],
      [5],
    ],
    ['everything done by this import', { 2: created(7), 3: created(7), 4: failed(7), 5: notImported(7), 6: created(7) }, import7, [], []],
    // Send failed lines: the lines that said so at the start, whatever they say now.
    ['failed lines 3 and 5, listed at the start', { 3: failed(6), 5: notImported(6) }, { importNumber: 7, onlyFailed: true, failedAtStart: new Set([3, 5]) }, ['name:acme'], [5]],
    // A customer goes whole: its line that had not failed is written again with the other.
    ['Acme re-sent since', { 2: created(7), 3: created(7), 5: notImported(6) }, { importNumber: 7, onlyFailed: true, failedAtStart: new Set([3, 5]) }, [], [5]],
    [
      'only the failed Acme line written since',
      { 2: created(6), 3: created(7), 5: notImported(6) },
      { importNumber: 7, onlyFailed: true, failedAtStart: new Set([3, 5]) },
      ['name:acme'],
      [5],
    ],
    // The list forgotten (the cache expired): lines still marked to send again, or done by this import.
    [
      'failed lines, the list forgotten',
      { 2: created(6), 3: created(6), 4: failed(6), 5: notImported(6), 6: created(7) },
      { importNumber: 7, onlyFailed: true, failedAtStart: null },
      ['name:beta'],
      [5],
    ],
  ];
  for (const [name, texts, cursor, requests, heldBack] of rows) {
    const pending = pendingOf(SHEET, column(texts), cursor);
    assert.deepEqual(
      pending.requests.map((r) => r.key),
      requests,
      name,
    );
    assert.deepEqual(pending.heldBackRows, heldBack, name);
  }
});

test('Send failed lines takes on the lines whose result says Failed or Not imported', () => {
  const results = [created(3), failed(3), '', notImported(3), 'Failed', 'my note'];
  assert.deepEqual([...rowsToSendAgain(results, 2)], [3, 5, 6]);
});
