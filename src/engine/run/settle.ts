import type { HeldCustomers } from '../customers/held';
import type { RequestOutcome } from '../import/outcome';
import { settleUnmatched, triage } from '../import/triage';
import type { CustomerRequest } from '../payloads/types';

export interface Settled {
  /** Customers to send. */
  toSend: CustomerRequest[];
  /** Settled without a request: customers Upflow's list can't name exactly (not imported, with the reason), then those it already holds as the sheet says (unchanged). */
  settled: RequestOutcome[];
  /** New customers whose name looks like one Upflow holds: they are created, and the user is told. */
  lookAlikes: Array<{ request: CustomerRequest; like: string }>;
}

/** What an import settles from Upflow's list alone, before it sends anything. */
export function settleBeforeSending(requests: readonly CustomerRequest[], held: HeldCustomers): Settled {
  const { sendable, refused, lookAlikes } = settleUnmatched(requests, held);
  const { toSend, unchanged } = triage(sendable, held);
  return { toSend, settled: [...refused, ...unchanged], lookAlikes };
}
