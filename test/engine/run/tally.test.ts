import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tally, type Tally } from '../../../src/engine/run/tally';
import type { RunCursor } from '../../../src/engine/run/pending';
import { column, created, failed, notImported, SHEET } from './fixtures';

const import7: RunCursor = { importNumber: 7, onlyFailed: false, failedAtStart: null };
const none: Tally = { totalCustomers: 0, doneCustomers: 0, totalRows: 0, doneRows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };

test("the counts the sidebar and the history show are read from the sheet's results", () => {
  // results in the sheet → the counts
  const rows: Array<[string, Record<number, string>, RunCursor, Tally]> = [
    ['nothing sent yet', {}, import7, { ...none, totalCustomers: 3, totalRows: 4 }],
    ['one of the two Acme lines done: Acme is not done', { 2: created(7) }, import7, { ...none, totalCustomers: 3, totalRows: 4, doneRows: 1 }],
    [
      'all done: a customer counts once, a held-back line once',
      { 2: created(7), 3: created(7), 4: failed(7), 5: notImported(7), 6: 'Unchanged · 2026-12-01 16:05 · import #7' },
      import7,
      { totalCustomers: 3, doneCustomers: 3, totalRows: 4, doneRows: 4, created: 1, updated: 0, unchanged: 1, failed: 1, skipped: 1 },
    ],
    [
      "a customer Upflow's list can't name: each of its lines is not imported",
      {
        2: 'Not imported: Upflow holds 2 customers named "Acme" · 2026-12-01 16:05 · import #7',
        3: 'Not imported: Upflow holds 2 customers named "Acme" · 2026-12-01 16:05 · import #7',
      },
      import7,
      { ...none, totalCustomers: 3, doneCustomers: 1, totalRows: 4, doneRows: 2, skipped: 2 },
    ],
    [
      "an earlier import's results count for nothing",
      { 2: created(6), 3: created(6), 4: created(6), 5: notImported(6), 6: created(6) },
      import7,
      { ...none, totalCustomers: 3, totalRows: 4 },
    ],
    [
      'Send failed lines counts only the lines it took on',
      { 2: created(6), 3: created(6), 4: 'Updated · 2026-12-01 16:05 · import #7', 5: notImported(6), 6: created(6) },
      { importNumber: 7, onlyFailed: true, failedAtStart: new Set([4, 5]) },
      { ...none, totalCustomers: 1, doneCustomers: 1, totalRows: 1, doneRows: 1, updated: 1 },
    ],
  ];
  for (const [name, texts, cursor, counts] of rows) assert.deepEqual(tally(SHEET, column(texts), cursor), counts, name);
});
