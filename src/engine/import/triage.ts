import { normalizeLabel } from '../normalize';
import { compareWithUpflow, type CustomerJob } from '../payloads';
import type { Customer } from '../upflow/schemas';
import type { JobOutcome } from './outcome';

/** Finds, for a job, the customer Upflow already holds: by External ID, else by name. */
export function existingIndex(customers: readonly Customer[]): (job: CustomerJob) => Customer | null {
  const byExternalId = new Map<string, Customer>();
  const byName = new Map<string, Customer>();
  for (const c of customers) {
    if (c.externalId) byExternalId.set(c.externalId, c);
    const name = normalizeLabel(c.name);
    if (!byName.has(name)) byName.set(name, c);
  }
  return (job) => {
    if (job.externalId) return byExternalId.get(job.externalId) ?? null;
    return job.body.name ? byName.get(normalizeLabel(job.body.name)) ?? null : null;
  };
}

/** Splits the jobs into those to send and those Upflow already matches, which are never sent. */
export function triage(jobs: readonly CustomerJob[], find: (job: CustomerJob) => Customer | null): { toSend: CustomerJob[]; unchanged: JobOutcome[] } {
  const toSend: CustomerJob[] = [];
  const unchanged: JobOutcome[] = [];
  for (const job of jobs) {
    if (compareWithUpflow(job, find(job)).outcome === 'unchanged') {
      unchanged.push({ key: job.key, rows: job.rows, outcome: 'unchanged', message: '', upflowId: null, directUrl: null });
    } else {
      toSend.push(job);
    }
  }
  return { toSend, unchanged };
}
