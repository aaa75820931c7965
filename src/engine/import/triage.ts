import type { HeldCustomers } from '../customers/held';
import { compareWithUpflow, type CustomerJob } from '../payloads';
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
