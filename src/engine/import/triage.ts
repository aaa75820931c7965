import { isUnmatched, type HeldCustomers } from '../customers/held';
import { compareWithUpflow, type CustomerRequest } from '../payloads';
import { matchProblem } from './explain';
import type { RequestOutcome } from './outcome';

/**
 * Splits the requests into those to send and those Upflow already matches, which are never sent.
 * A customer whose contacts the list did not carry is compared when it is sent, once they are read.
 */
export function triage(requests: readonly CustomerRequest[], held: HeldCustomers): { toSend: CustomerRequest[]; unchanged: RequestOutcome[] } {
  const toSend: CustomerRequest[] = [];
  const unchanged: RequestOutcome[] = [];
  for (const request of requests) {
    const match = held.match(request);
    const existing = match.kind === 'existing' ? match.customer : null;
    const contactsUnknown = request.mode === 'import' && (request.body.contacts?.length ?? 0) > 0 && !existing?.contacts;
    const groupId = request.mode === 'import' && request.parentName ? groupIdOf(request.parentName, held) : undefined;
    if (existing && !contactsUnknown && compareWithUpflow(request, existing, groupId).outcome === 'unchanged') {
      unchanged.push({ key: request.key, rows: request.rows, outcome: 'unchanged', message: '', upflowId: existing.id, directUrl: existing.directUrl ?? null });
    } else {
      toSend.push(request);
    }
  }
  return { toSend, unchanged };
}

export function groupIdOf(name: string, held: HeldCustomers): string | undefined {
  const match = held.byNameOf(name);
  return match.kind === 'existing' ? match.customer.id : undefined;
}

/**
 * Requests Upflow's list cannot name exactly one customer for (several of that name or ID, an
 * External ID it does not hold) are settled as not imported, with the reason, before anything is
 * sent; the others go on, with the held customers whose name only looks like theirs.
 */
export function settleUnmatched(
  requests: readonly CustomerRequest[],
  held: HeldCustomers,
): { sendable: CustomerRequest[]; refused: RequestOutcome[]; lookAlikes: Array<{ request: CustomerRequest; like: string }> } {
  const sendable: CustomerRequest[] = [];
  const refused: RequestOutcome[] = [];
  const lookAlikes: Array<{ request: CustomerRequest; like: string }> = [];
  for (const request of requests) {
    const match = held.match(request);
    if (isUnmatched(match)) {
      refused.push({ key: request.key, rows: request.rows, outcome: 'skipped', message: matchProblem(request, match), upflowId: null, directUrl: null });
      continue;
    }
    if (match.kind === 'new' && match.lookAlike[0]) lookAlikes.push({ request, like: match.lookAlike[0].name });
    sendable.push(request);
  }
  return { sendable, refused, lookAlikes };
}
