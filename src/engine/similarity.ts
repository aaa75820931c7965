/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prevPrev[j - 2]! + 1);
      current.push(best);
    }
    prevPrev = prev;
    prev = current;
  }
  return prev[b.length]!;
}

/** Strings whose lengths differ this much are at most 1/RATIO alike: far below any guess made from a score. */
const UNALIKE_LENGTH_RATIO = 10;

/**
 * 1 for equal strings, 0 for nothing in common. Strings whose lengths differ tenfold score 0: they
 * are at most a tenth alike, and the exact figure would cost the product of their lengths (a
 * 50,000-character cell against every field name).
 */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  if (Math.min(a.length, b.length) * UNALIKE_LENGTH_RATIO < longest) return 0;
  return 1 - editDistance(a, b) / longest;
}

/** The candidate closest to the value, when it is close enough to be a likely typo. */
export function closest<T>(value: string, candidates: readonly T[], key: (c: T) => string, threshold = 0.75): { match: T; score: number } | null {
  let best: { match: T; score: number } | null = null;
  for (const candidate of candidates) {
    const score = similarity(value, key(candidate));
    if (score >= threshold && (!best || score > best.score)) best = { match: candidate, score };
  }
  return best;
}
