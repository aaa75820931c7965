import { isFailure, type HttpOutcome } from './http';

/** Upflow asks: retry connection errors, 500 and 503 with exponential backoff; never other 4xx. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
/** Waiting when told to is normal, but a server that only ever says "wait" must not hold us forever. */
const MAX_RATE_LIMITED_TRIES = 20;
const MAX_WAIT_MS = 60_000;

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; ambiguous: boolean };

/**
 * `attempt` counts the tries already made (1 after the first); `retries` caps the backoff
 * retries, so that a question the user waits on gives up sooner than an import does.
 */
export function retryDecision(outcome: HttpOutcome, attempt: number, retries = RETRY_DELAYS_MS.length): RetryDecision {
  const backoff = attempt <= retries ? RETRY_DELAYS_MS[attempt - 1] : undefined;
  if (isFailure(outcome)) return backoff === undefined ? { retry: false } : { retry: true, delayMs: backoff, ambiguous: true };
  if (outcome.status === 429 && attempt < MAX_RATE_LIMITED_TRIES) {
    // Whether a 429 says how long to wait is [open]: without Retry-After, back off exponentially.
    const seconds = Number(outcome.headers['retry-after']);
    const told = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000 * 2 ** (attempt - 1);
    return { retry: true, delayMs: Math.min(told, MAX_WAIT_MS), ambiguous: false };
  }
  if ((outcome.status === 500 || outcome.status === 503) && backoff !== undefined) {
    // A 500 may come after the write was applied; a 503 means the request was not taken.
    return { retry: true, delayMs: backoff, ambiguous: outcome.status === 500 };
  }
  return { retry: false };
}
