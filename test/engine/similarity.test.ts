import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest, distanceWork, editDistance, resetDistanceWork, similarity } from '../../src/engine/similarity';

/** The textbook table, every cell filled: the answer the banded distance must give. */
function fullTable(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const short = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 14 });

test('the bounded distance is exact up to its bound and says "more" past it', () => {
  fc.assert(
    fc.property(short, short, fc.integer({ min: 0, max: 16 }), (a, b, max) => {
      const exact = fullTable(a, b);
      assert.equal(editDistance(a, b), exact);
      assert.equal(editDistance(a, b, max), exact <= max ? exact : max + 1);
    }),
    { numRuns: 5000 },
  );
  assert.equal(editDistance('Frnace', 'France'), 1, 'a swap of two letters is one edit');
  assert.equal(similarity('gmial.com', 'gmail.com'), 1 - 1 / 9);
});

test('comparing a 50,000-character text costs nothing when lengths rule it out, and a band when they do not', () => {
  const long = 'x'.repeat(50_000);
  resetDistanceWork();
  assert.equal(
    closest(long, ['France', 'Germany', 'Standard'], (s) => s),
    null,
  );
  assert.equal(distanceWork.cells, 0);
  assert.equal(editDistance(long, `${long}y`, 3), 1);
  assert.ok(distanceWork.cells <= 7 * 50_001, `${distanceWork.cells} cells for a band of 7`);
  resetDistanceWork();
  assert.equal(editDistance(long, 'y'.repeat(50_000), 2), 3);
  assert.ok(distanceWork.cells <= 5 * 3, 'it stops at the first row past the bound');
});

test('closest keeps the best candidate at or above the threshold, the first one on a tie', () => {
  const countries = ['France', 'Finland', 'Frankreich'];
  assert.deepEqual(
    closest('frnace', countries, (c) => c.toLowerCase()),
    { match: 'France', score: 1 - 1 / 6 },
  );
  assert.equal(
    closest('xyz', countries, (c) => c),
    null,
  );
  assert.equal(closest('ab', ['ax', 'xb'], (c) => c, 0.5)?.match, 'ax');
  fc.assert(
    fc.property(short, fc.array(short, { maxLength: 6 }), fc.constantFrom(0.5, 0.6, 0.75, 0.85), (value, list, threshold) => {
      // What closest answered before it was bounded: the full similarity of every candidate.
      let expected: { match: string; score: number } | null = null;
      for (const c of list) {
        const score = similarity(value, c);
        if (score >= threshold && (!expected || score > expected.score)) expected = { match: c, score };
      }
      assert.deepEqual(
        closest(value, list, (c) => c, threshold),
        expected,
      );
    }),
    { numRuns: 3000 },
  );
});
