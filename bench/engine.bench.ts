import { checkRows } from '../src/engine/check';
import { generateSheet } from './generate';
import { record } from './results';

/** Validation throughput on generated sheets of 20 columns; the target is 50,000 rows in under 1 s. */
export function benchEngine(): void {
  for (const size of [10_000, 50_000]) {
    const sheet = generateSheet(size);
    const input = { rows: sheet.rows, firstRow: 2, firstColumn: 0 };
    checkRows(sheet.headers, { rows: sheet.rows.slice(0, 500), firstRow: 2 }); // warm the JIT and caches of libraries
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    const runs: number[] = [];
    let problems = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const { result } = checkRows(sheet.headers, input, { template: 'all' });
      runs.push(performance.now() - start);
      problems = result.problems.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    clearInterval(timer);
    const ms = Math.min(...runs);
    record({
      [`engine.validate.${size}.ms`]: Math.round(ms),
      [`engine.validate.${size}.rowsPerSec`]: Math.round(size / (ms / 1000)),
      [`engine.validate.${size}.peakHeapMB`]: Math.round((peak - before) / 1024 / 1024),
      [`engine.validate.${size}.problems`]: problems,
    });
  }
}
