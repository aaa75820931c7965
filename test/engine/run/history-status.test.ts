import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historyStatus, type HistoryStatus, type ImportState } from '../../../src/engine/run/history-status';

test('the history says partial when a finished import left a line failed or not imported', () => {
  // where the import stands, failed customers, lines not imported → the history's status
  const rows: Array<[ImportState, number, number, HistoryStatus]> = [
    ['running', 0, 0, 'running'],
    ['running', 2, 1, 'running'],
    ['done', 0, 0, 'success'],
    ['done', 1, 0, 'partial'],
    ['done', 0, 3, 'partial'],
    ['cancelled', 0, 0, 'cancelled'],
    ['cancelled', 1, 1, 'cancelled'],
    ['failed', 0, 0, 'failed'],
  ];
  for (const [state, failed, skipped, status] of rows) assert.equal(historyStatus(state, { failed, skipped }), status, `${state} ${failed} ${skipped}`);
});
