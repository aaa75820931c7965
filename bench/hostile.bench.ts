import { hostileAddon } from '../test/fuzz/hostile-addon';
import { hostileCase } from '../test/fuzz/cases';
import { hostileSheet, pastedTextSheet } from '../test/fuzz/hostile-sheet';
import { record } from './results';

/** The milliseconds one server call takes inside the emulator, running the built bundle. */
function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return Math.round(performance.now() - start);
}

/**
 * Check and "Apply all safe fixes" on the hostile sheets of the fuzz suite's worst cases: a
 * 44-line sheet of random unicode texts, typed values and long cells (the sheet issue 9 reported),
 * and sheets whose cells hold 50,000-character pasted texts, on 50 and 5,000 lines; then the
 * slowest Check and Fix among the fuzz suite's cases (test/fuzz/cases.ts).
 * BENCH_HOSTILE=random44,fuzz (names of the figures) runs only those.
 */
export function benchHostile(): void {
  const cases: Array<[string, () => string[][]]> = [
    ['random44', () => hostileSheet(44, { lines: 44, columns: 15, longCell: 5000 }).rows],
    ['pasted50', () => pastedTextSheet(50, 50_000)],
    ['pasted5000', () => pastedTextSheet(5000, 50_000)],
  ];
  const only = process.env.BENCH_HOSTILE?.split(',');
  for (const [name, rows] of cases) {
    if (only && !only.includes(name)) continue;
    const figures: Record<string, number> = {};
    const check = hostileAddon(rows());
    figures[`hostile.${name}.check.ms`] = timed(() => check.value('checkSheet', 'Customers'));
    const fix = hostileAddon(rows());
    figures[`hostile.${name}.fixAll.ms`] = timed(() => fix.value('applyFixes', { sheetName: 'Customers', cell: null, code: null }));
    record(figures);
  }
  if (only && !only.includes('fuzz')) return;
  let check = 0;
  let fixAll = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const rows = hostileCase(seed).rows;
    const checked = hostileAddon(rows);
    check = Math.max(
      check,
      timed(() => checked.value('checkSheet', 'Customers')),
    );
    const addon = hostileAddon(rows);
    fixAll = Math.max(
      fixAll,
      timed(() => addon.value('applyFixes', { sheetName: 'Customers', cell: null, code: null })),
    );
  }
  record({ 'hostile.fuzzSlowest.check.ms': check, 'hostile.fuzzSlowest.fixAll.ms': fixAll });
}
