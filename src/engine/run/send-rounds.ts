import type { RequestOutcome } from '../import/outcome';
import { ImportSender } from '../import/sender';
import type { CustomerRequest } from '../payloads/types';

/** Why sending stopped. */
export type Stop = 'all sent' | 'out of time' | 'cancelled';

export interface SendLimits {
  /** Asked before every round but the first: a step always sends at least one round. */
  outOfTime: () => boolean;
  /** Asked before every round: a cancel lands between two rounds, never inside one. */
  cancelled: () => boolean;
}

/**
 * Sends the requests in order a round at a time (src/engine/import/sender.ts), handing each
 * round's outcomes over as soon as it is back, until all are sent or a limit stops it.
 */
export function sendRounds(
  sender: Pick<ImportSender, 'sendRound'>,
  requests: readonly CustomerRequest[],
  limits: SendLimits,
  afterRound: (outcomes: RequestOutcome[]) => void,
): Stop {
  let at = 0;
  while (at < requests.length) {
    if (at > 0 && limits.outOfTime()) return 'out of time';
    if (limits.cancelled()) return 'cancelled';
    const round = ImportSender.nextRound(requests, at);
    afterRound(sender.sendRound(round));
    at += round.length;
  }
  return 'all sent';
}
