import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { record } from './results';

const RUNS = 15;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
};

/**
 * What every Apps Script execution pays before any work: the size of dist/Code.js and the time to
 * evaluate it in a fresh V8 context (no Node globals), as each sidebar call and edit trigger does.
 * The CPU time is the figure to compare on a shared machine: waiting for a core counts in the
 * elapsed time, not in it. Run `node build.mjs` first.
 */
export function benchBundle(): void {
  const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
  const elapsed: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = vm.createContext({});
    // A different source each time, so V8 cannot reuse the code it compiled on an earlier run.
    const source = `${code}\n// run ${i}`;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
    elapsed.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  record({
    'bundle.code.kb': Math.round(Buffer.byteLength(code, 'utf8') / 1024),
    'bundle.cold-eval.median.ms': median(elapsed),
    'bundle.cold-eval.cpu.median.ms': median(cpu),
  });
}
