import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { record } from './results';

const RUNS = 15;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
};

interface Timing {
  elapsed: number[];
  cpu: number[];
}

function evaluateOnce(code: string, run: number, into: Timing): void {
  const context = vm.createContext({});
  // A different source each time, so V8 cannot reuse the code it compiled on an earlier run.
  const source = `${code}\n// run ${run}`;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
  into.elapsed.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  into.cpu.push((used.user + used.system) / 1000);
}

/**
 * What every Apps Script execution pays before any work: the size of dist/Code.js and the time to
 * evaluate it in a fresh V8 context (no Node globals), as each sidebar call and edit trigger does.
 * The CPU time is the figure to compare on a shared machine: waiting for a core counts in the
 * elapsed time, not in it. Run `node build.mjs` first. `BUNDLE_BASELINE=<an older Code.js>` times
 * that one too, run for run in turn with today's, so both see the same machine.
 */
export function benchBundle(): void {
  const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
  const baselinePath = process.env.BUNDLE_BASELINE;
  const baseline = baselinePath ? readFileSync(baselinePath, 'utf8') : undefined;
  const today: Timing = { elapsed: [], cpu: [] };
  const before: Timing = { elapsed: [], cpu: [] };
  for (let i = 0; i < RUNS; i++) {
    evaluateOnce(code, i, today);
    if (baseline) evaluateOnce(baseline, i, before);
  }
  record({
    'bundle.code.kb': Math.round(Buffer.byteLength(code, 'utf8') / 1024),
    'bundle.cold-eval.median.ms': median(today.elapsed),
    'bundle.cold-eval.cpu.median.ms': median(today.cpu),
    ...(baseline && {
      'bundle.baseline.code.kb': Math.round(Buffer.byteLength(baseline, 'utf8') / 1024),
      'bundle.baseline.cold-eval.median.ms': median(before.elapsed),
      'bundle.baseline.cold-eval.cpu.median.ms': median(before.cpu),
    }),
  });
}
