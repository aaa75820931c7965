import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressOf, type Progress } from '../../../src/engine/run/progress';
import type { ImportState } from '../../../src/engine/run/history-status';

const START = '2026-12-01T16:00:00.000Z';
const at = (seconds: number) => Date.parse(START) + seconds * 1000;

test('the sidebar shows the lines per minute so far and the time left at that pace', () => {
  // state, lines done of total, seconds since the start → what the sidebar shows
  const rows: Array<[string, ImportState, number, number, number, Progress]> = [
    ['two minutes in, a quarter done', 'running', 100, 400, 120, { ratePerMinute: 50, secondsLeft: 360 }],
    ['just started, nothing done: no estimate', 'running', 0, 400, 0, { ratePerMinute: 0, secondsLeft: null }],
    ['read the instant it started: counted as one second, not infinitely fast', 'running', 10, 40, 0, { ratePerMinute: 600, secondsLeft: 3 }],
    ['finished: no time left to show', 'done', 400, 400, 240, { ratePerMinute: 100, secondsLeft: null }],
    ['cancelled halfway: no time left to show', 'cancelled', 200, 400, 240, { ratePerMinute: 50, secondsLeft: null }],
  ];
  for (const [name, state, doneRows, totalRows, seconds, progress] of rows) {
    assert.deepEqual(progressOf({ state, startedAt: START, doneRows, totalRows }, at(seconds)), progress, name);
  }
});
