import { loadAddon, paste, type Addon } from '../test/addon/harness';
import { DEMO_KEY, DEMO_SECRET, startSandboxProcess } from '../test/support/sandbox-process';
import { generateSheet } from './generate';
import { record } from './results';
import type { JobView } from '../src/shared/api';

const CUSTOMERS = 1000;
/** Upflow's own limit; the run lasts a little over a minute, the shortest that measures a minute. */
const LIMIT = 600;

function importAll(addon: Addon): JobView {
  let job = addon.value('startImport', { sheetName: 'Customers', onlyFailed: false });
  while (job.state === 'running') job = addon.value('continueImport', job.id);
  return job;
}

/**
 * A 1,000-customer import through the built add-on against the sandbox with its per-minute
 * limit in force, then a re-import of the unchanged sheet.
 */
export async function benchImport(): Promise<void> {
  await benchOne('documented', 'import');
  await benchOne('hard', 'import.hard');
}

/** Against each reading of Upflow (packages/upflow-sandbox/readings.ts): the hard one reads lists 100 at a time and contacts apart. */
async function benchOne(profile: 'documented' | 'hard', prefix: string): Promise<void> {
  const sandbox = await startSandboxProcess(['--rate', String(LIMIT), '--profile', profile]);
  try {
    const addon = loadAddon();
    addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
    const sheet = generateSheet(CUSTOMERS * 2, { errorRate: 0, managers: ['camille.dubois@example.com', 'john.smith@example.com'], workflows: ['Standard', 'Key accounts'] });
    // One line per customer: the generator writes two contacts per customer, keep the first.
    paste(addon, 'Customers', [sheet.headers, ...sheet.rows.filter((_, i) => i % 2 === 0)]);
    const start = performance.now();
    const job = importAll(addon);
    const seconds = (performance.now() - start) / 1000;
    const stats = await sandbox.admin<{ requests: number; rateLimited: number; peakRequestsPerMinute: number }>('/stats');
    const before = stats.requests;
    const again = importAll(addon);
    const after = await sandbox.admin<{ requests: number }>('/stats');
    record({
      [`${prefix}.customers`]: job.created + job.updated,
      [`${prefix}.failed`]: job.failed,
      [`${prefix}.seconds`]: Math.round(seconds),
      [`${prefix}.requests`]: stats.requests,
      [`${prefix}.rate.peakPerMinute`]: stats.peakRequestsPerMinute,
      [`${prefix}.rate.share`]: Math.round((stats.peakRequestsPerMinute / LIMIT) * 1000) / 1000,
      [`${prefix}.rate.429s`]: stats.rateLimited,
      [`${prefix}.unchanged.customers`]: again.unchanged,
      [`${prefix}.unchanged.requests`]: after.requests - before,
    });
  } finally {
    await sandbox.stop();
  }
}
