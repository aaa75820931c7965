import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellText, wallClock, wallClockRows } from '../../src/engine/cell';

test('an instant reads as the day and time the sheet shows in its time zone, summer time included', () => {
  assert.equal(wallClock(new Date('2024-01-30T23:00:00Z'), 'Europe/Paris').toISOString(), '2024-01-31T00:00:00.000Z');
  assert.equal(wallClock(new Date('2024-07-30T22:00:00.250Z'), 'Europe/Paris').toISOString(), '2024-07-31T00:00:00.250Z');
  assert.equal(wallClock(new Date('2024-01-31T08:00:00Z'), 'America/Los_Angeles').toISOString(), '2024-01-31T00:00:00.000Z');
  assert.equal(wallClock(new Date('2024-01-30T11:00:00Z'), 'Pacific/Auckland').toISOString(), '2024-01-31T00:00:00.000Z');
  assert.ok(Number.isNaN(wallClock(new Date(Number.NaN), 'Europe/Paris').getTime()));
});

test('rows keep their other values; each date becomes the text of its shown day', () => {
  const rows = wallClockRows([['Acme', 1234, true, new Date('2024-01-30T23:00:00Z')]], 'Europe/Paris');
  assert.deepEqual(rows[0]!.map(cellText), ['Acme', '1234', 'TRUE', '2024-01-31']);
});
