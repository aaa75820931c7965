/**
 * Measures the sandbox: `node --import tsx packages/upflow-sandbox/measure.ts [count]`
 * - N sequential POST /customers (each with 2 contacts) against a file-backed database
 *   (persistence on: the file is rewritten after every write), ms per request;
 * - throughput with 5 and 10 requests in parallel (POST upserts and GET by external id).
 * The limits are raised so the sandbox itself is measured, not the 600/min rule.
 * `node --import tsx packages/upflow-sandbox/measure.ts 1000 memory` runs the same without a file, for comparison.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from './server';

const count = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'upflow-sandbox-measure-'));
const dbFile = join(dir, 'measure.sqlite');
const inMemory = process.argv[3] === 'memory';
const sb = await startSandbox({ dbFile: inMemory ? ':memory:' : dbFile, rateLimitPerMinute: 1_000_000, maxInFlight: 1_000 });
const headers = { 'x-api-key': 'demo-key', 'x-api-secret': 'demo-secret', 'content-type': 'application/json' };

const body = (i: number, vat = 'FR00') =>
  JSON.stringify({
    name: `Client ${i}`,
    vatNumber: vat,
    externalId: `M-${i}`,
    accountingRef: `411M${i}`,
    address: { address: `${i} rue de Rivoli`, zipcode: '75001', city: 'Paris', country: 'FR' },
    accountManagerId: 'dac09549-5ae5-454b-86b4-716e9602b70f',
    dunningPlanId: '4f5d5e3a-dcc8-49ff-99ff-423bc4080ba3',
    contacts: [
      { email: `compta${i}@client${i}.fr`, firstName: 'Anne', lastName: 'Compta', position: 'ACCOUNTING', isMain: true },
      { email: `achats${i}@client${i}.fr`, firstName: 'Bruno', lastName: 'Achats', position: 'PURCHASER' },
    ],
  });

let round = 0;
async function post(i: number, vat?: string): Promise<number> {
  const res = await fetch(`${sb.url}/customers`, { method: 'POST', headers, body: body(i, vat) });
  await res.arrayBuffer();
  return res.status;
}

async function get(i: number): Promise<number> {
  const res = await fetch(`${sb.url}/customers/external:M-${i}`, { headers });
  await res.arrayBuffer();
  return res.status;
}

const times: number[] = [];
const t0 = performance.now();
for (let i = 0; i < count; i += 1) {
  const s = performance.now();
  const status = await post(i);
  times.push(performance.now() - s);
  if (status !== 201) throw new Error(`POST ${i} answered ${status}`);
}
const total = performance.now() - t0;
times.sort((a, b) => a - b);
const pct = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(2);
const stats = sb.stats();
const writesBefore = stats.fileWrites;
console.log(
  `${count} sequential POST /customers (2 contacts each, ${inMemory ? 'NO file' : 'file persisted'}): ${(total / count).toFixed(2)} ms avg, ` +
    `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms; ` +
    `file write ${stats.fileWriteMsAvg} ms avg; final file ${inMemory ? 0 : (statSync(dbFile).size / 1024).toFixed(0)} KiB`,
);

async function parallel(label: string, concurrency: number, n: number, call: (i: number) => Promise<number>) {
  let next = 0;
  const s = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const status = await call(i % count);
        if (status >= 300) throw new Error(`${label} ${i} answered ${status}`);
      }
    }),
  );
  const secs = (performance.now() - s) / 1000;
  console.log(`${label}, ${concurrency} in parallel: ${(n / secs).toFixed(0)} requests/s (${n} in ${secs.toFixed(2)} s)`);
}

// Each round changes the VAT number, so every upsert is a real change and rewrites the file.
await parallel('POST /customers (changing upserts, file rewritten each time)', 5, 2000, (i) => post(i, `FR${++round}`));
await parallel('POST /customers (changing upserts, file rewritten each time)', 10, 2000, (i) => post(i, `FR${++round}`));
for (let i = 0; i < count; i += 1) await post(i, 'FR-same');
const writesBeforeSame = sb.stats().fileWrites;
await parallel('POST /customers (identical re-imports, no file write)', 5, 2000, (i) => post(i, 'FR-same'));
if (sb.stats().fileWrites !== writesBeforeSame) throw new Error('identical re-imports wrote the file');
await parallel('GET /customers/external:{id}', 5, 5000, get);
await parallel('GET /customers/external:{id}', 10, 5000, get);

console.log(`file writes during the parallel phases: ${sb.stats().fileWrites - writesBefore}, ${sb.stats().fileWriteMsAvg} ms avg overall`);
await sb.close();
rmSync(dir, { recursive: true, force: true });
