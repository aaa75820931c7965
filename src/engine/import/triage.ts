import { isUnmatched, type HeldCustomers } from '../customers/held';
import { compareWithUpflow, type CustomerJob } from '../payloads';
import { matchProblem } from './explain';
import type { JobOutcome } from './outcome';

/**
 * Splits the jobs into those to send and those Upflow already matches, which are never sent.
 * A customer whose contacts the list did not carry is compared when it is sent, once they are read.
 */
export function triage(jobs: readonly CustomerJob[], held: HeldCustomers): { toSend: CustomerJob[]; unchanged: JobOutcome[] } {
  const toSend: CustomerJob[] = [];
  const unchanged: JobOutcome[] = [];
  for (const job of jobs) {
    const match = held.match(job);
    const existing = match.kind === 'existing' ? match.customer : null;
    const contactsUnknown = job.mode === 'import' && (job.body.contacts?.length ?? 0) > 0 && !existing?.contacts;
    const groupId = job.mode === 'import' && job.parentName ? groupIdOf(job.parentName, held) : undefined;
    if (existing && !contactsUnknown && compareWithUpflow(job, existing, groupId).outcome === 'unchanged') {
      unchanged.push({ key: job.key, rows: job.rows, outcome: 'unchanged', message: '', upflowId: existing.id, directUrl: existing.directUrl ?? null });
    } else {
      toSend.push(job);
    }
  }
  return { toSend, unchanged };
}

export function groupIdOf(name: string, held: HeldCustomers): string | undefined {
  const match = held.byNameOf(name);
  return match.kind === 'existing' ? match.customer.id : undefined;
}

/**
 * Jobs Upflow's list cannot name exactly one customer for (several of that name or ID, an
 * External ID it does not hold) are settled as not imported, with the reason, before anything is
 * sent; the others go on, with the held customers whose name only looks like theirs.
 */
export function settleUnmatched(
  jobs: readonly CustomerJob[],
  held: HeldCustomers,
): { sendable: CustomerJob[]; refused: JobOutcome[]; lookAlikes: Array<{ job: CustomerJob; like: string }> } {
  const sendable: CustomerJob[] = [];
  const refused: JobOutcome[] = [];
  const lookAlikes: Array<{ job: CustomerJob; like: string }> = [];
  for (const job of jobs) {
    const match = held.match(job);
    if (isUnmatched(match)) {
      refused.push({ key: job.key, rows: job.rows, outcome: 'skipped', message: matchProblem(job, match), upflowId: null, directUrl: null });
      continue;
    }
    if (match.kind === 'new' && match.lookAlike[0]) lookAlikes.push({ job, like: match.lookAlike[0].name });
    sendable.push(job);
  }
  return { sendable, refused, lookAlikes };
}
