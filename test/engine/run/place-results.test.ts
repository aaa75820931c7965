import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeOnLines, type PendingResult } from '../../../src/engine/run/place-results';

/** Results for lines 2, 3 and 4 of a sheet read as Acme, Beta, Gamma. */
const SENT: PendingResult[] = [
  { row: 2, fingerprint: 'acme', text: 'Created · import #1' },
  { row: 3, fingerprint: 'beta', text: 'Updated · import #1' },
  { row: 4, fingerprint: 'gamma', text: 'Failed · import #1' },
];

test('each result lands on the line that still says what was sent, wherever the user moved it', () => {
  // the sheet's lines from line 2 now → the result each line gets, results written nowhere
  const rows: Array<[string, string[], Record<number, string>, number]> = [
    ['nothing moved', ['acme', 'beta', 'gamma'], { 2: 'Created · import #1', 3: 'Updated · import #1', 4: 'Failed · import #1' }, 0],
    ['a line inserted above', ['new', 'acme', 'beta', 'gamma'], { 3: 'Created · import #1', 4: 'Updated · import #1', 5: 'Failed · import #1' }, 0],
    ['sorted Z to A', ['gamma', 'beta', 'acme'], { 2: 'Failed · import #1', 3: 'Updated · import #1', 4: 'Created · import #1' }, 0],
    ['Beta deleted', ['acme', 'gamma'], { 2: 'Created · import #1', 3: 'Failed · import #1' }, 1],
    ['Beta edited: sent again later, not marked done', ['acme', 'beta edited', 'gamma'], { 2: 'Created · import #1', 4: 'Failed · import #1' }, 1],
    // Two lines now say what Beta said: either could be the one sent, so neither is marked.
    ['Beta copied below, then moved', ['acme', 'gamma', 'beta', 'beta'], { 2: 'Created · import #1', 3: 'Failed · import #1' }, 1],
  ];
  for (const [name, now, texts, unplaced] of rows) {
    const placed = placeOnLines(SENT, now, 2);
    assert.deepEqual(Object.fromEntries(placed.texts), texts, name);
    assert.equal(placed.unplaced, unplaced, name);
  }
});

test('identical lines of one customer each get one result, as many as there are', () => {
  const twins: PendingResult[] = [
    { row: 2, fingerprint: 'acme', text: 'Created · import #1' },
    { row: 3, fingerprint: 'acme', text: 'Created · import #1' },
  ];
  const placed = placeOnLines(twins, ['other', 'acme', 'acme'], 2);
  assert.deepEqual(Object.fromEntries(placed.texts), { 3: 'Created · import #1', 4: 'Created · import #1' });
  assert.equal(placed.unplaced, 0);
});
