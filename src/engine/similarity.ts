/**
 * Work the edit distance did since the counter was last reset: calls, and table cells filled
 * (each one character of one string against one of the other). Tests hold hostile sheets to a
 * budget of it, which, unlike a time, holds on a slow machine.
 */
export const distanceWork = { calls: 0, cells: 0 };

export function resetDistanceWork(): void {
  distanceWork.calls = 0;
  distanceWork.cells = 0;
}

/** Larger than any distance, smaller than overflow when 1 is added. */
const FAR = 0x3fffffff;

/**
 * Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings, when
 * it is at most `max`; any larger distance comes back as `max + 1`. Only the diagonal band of
 * width 2 * max + 1 is computed and the computation stops once every cell of a row exceeds
 * `max`, so the cost is at most (2 * max + 1) times the shorter length, and nothing when the
 * lengths alone differ by more than `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  distanceWork.calls++;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const band = Math.min(Math.max(n, m), max);
  let before = new Int32Array(m + 1);
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j <= band ? j : FAR;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    current[from - 1] = from === 1 ? i : FAR;
    // The next row reads one cell further right than this band reaches.
    if (to < m) current[to + 1] = FAR;
    let rowBest = from === 1 ? i : FAR;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    distanceWork.cells += to - from + 1;
    if (rowBest > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[m]!;
  return distance > max ? max + 1 : distance;
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

/**
 * The candidate closest to the value, when it is close enough to be a likely typo
 * (`similarity` at least `threshold`). A candidate whose length alone rules it out costs
 * nothing, so a long pasted text is compared with nothing.
 */
export function closest<T>(value: string, candidates: readonly T[], key: (c: T) => string, threshold = 0.75): { match: T; score: number } | null {
  let best: { match: T; score: number } | null = null;
  for (const candidate of candidates) {
    const other = key(candidate);
    const longest = Math.max(value.length, other.length);
    // Slightly generous, so rounding never rules out a candidate the exact score below accepts.
    const allowed = Math.floor((1 - threshold) * longest + 1e-6);
    const distance = editDistance(value, other, allowed);
    if (distance > allowed) continue;
    const score = longest === 0 ? 1 : 1 - distance / longest;
    if (score >= threshold && (!best || score > best.score)) best = { match: candidate, score };
  }
  return best;
}
