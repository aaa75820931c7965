import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { record } from './results';

const RUNS = 15;

/**
 * What every Apps Script execution pays before any work: the size of dist/Code.js and the time to
 * evaluate it in a fresh V8 context (no Node globals), as each sidebar call and edit trigger does.
 * Run `node build.mjs` first.
 */
export function benchBundle(): void {
  const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = vm.createContext({});
    // A different source each time, so V8 cannot reuse the code it compiled on an earlier run.
    const source = `${code}\n// run ${i}`;
    const start = performance.now();
    new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  record({
    'bundle.code.kb': Math.round(Buffer.byteLength(code, 'utf8') / 1024),
    'bundle.cold-eval.median.ms': Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 10) / 10,
  });
}
