import { loadAddon, type Addon } from '../test/addon/harness';
import { grownSeed } from '../test/support/grown-organisation';
import { pullAll } from '../test/support/pull';
import { DEMO_KEY, DEMO_SECRET, startSandboxProcess } from '../test/support/sandbox-process';
import type { JobView } from '../src/shared/api';
import { record } from './results';

const CUSTOMERS = 2_000;
const CONTACTS_EACH = 2;
/** Upflow's own limit per minute: the pull is paced under it across executions. */
const LIMIT = 600;

interface Stats {
  requests: number;
  rateLimited: number;
  peakRequestsPerMinute: number;
  byMethod: Record<string, number>;
}

function importAll(addon: Addon, sheetName: string): JobView {
  let job = addon.value('startImport', { sheetName, onlyFailed: false });
  while (job.state === 'running') job = addon.value('continueImport', job.id);
  return job;
}

const writes = (s: Stats) =>
  Object.entries(s.byMethod)
    .filter(([method]) => method !== 'GET')
    .reduce((n, [, count]) => n + count, 0);

/**
 * Get customers from Upflow for 2,000 customers and 4,000 contacts through the built add-on
 * against the sandbox with its per-minute limit in force, then an import of the untouched sheet
 * (it must write nothing), against each reading of Upflow (packages/upflow-sandbox/readings.ts).
 */
export async function benchPull(): Promise<void> {
  const seed = grownSeed(CUSTOMERS, CONTACTS_EACH);
  for (const [profile, prefix] of [
    ['documented', 'pull'],
    ['hard', 'pull.hard'],
  ] as const) {
    const sandbox = await startSandboxProcess(['--rate', String(LIMIT), '--profile', profile, '--seed', seed]);
    try {
      const addon = loadAddon();
      addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
      const start = performance.now();
      const pulled = pullAll(addon);
      const seconds = (performance.now() - start) / 1000;
      const pulling = await sandbox.admin<Stats>('/stats');
      const again = importAll(addon, pulled.sheetName);
      const after = await sandbox.admin<Stats>('/stats');
      record({
        [`${prefix}.customers`]: pulled.customers,
        [`${prefix}.lines`]: pulled.lines,
        [`${prefix}.seconds`]: Math.round(seconds),
        [`${prefix}.requests`]: pulling.requests,
        [`${prefix}.rate.peakPerMinute`]: pulling.peakRequestsPerMinute,
        [`${prefix}.rate.429s`]: pulling.rateLimited,
        [`${prefix}.reimport.unchanged`]: again.unchanged,
        [`${prefix}.reimport.requests`]: after.requests - pulling.requests,
        [`${prefix}.reimport.writes`]: writes(after) - writes(pulling),
      });
    } finally {
      await sandbox.stop();
    }
  }
}
