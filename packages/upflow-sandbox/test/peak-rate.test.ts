import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Stats } from '../stats';

const file = { writes: 0, totalMs: 0 };

test('the peak per minute is the busiest sliding 60-second window, not the latest one', () => {
  const stats = new Stats();
  for (let i = 0; i < 30; i++) stats.begin(1_000 + i * 100);
  for (let i = 0; i < 10; i++) stats.begin(70_000 + i * 100);
  for (let i = 0; i < 5; i++) stats.begin(130_000 + i);
  const snap = stats.snapshot(131_000, 0, file);
  assert.equal(snap.peakRequestsPerMinute, 30);
  assert.equal(snap.requestsPerMinute, 5);
  stats.reset();
  assert.equal(stats.snapshot(131_000, 0, file).peakRequestsPerMinute, 0);
});

test('requests just inside the window count together, those a minute apart do not', () => {
  const stats = new Stats();
  stats.begin(0);
  stats.begin(59_999);
  stats.begin(60_000);
  assert.equal(stats.snapshot(60_000, 0, file).peakRequestsPerMinute, 2);
});
