import type { AppError } from '../src/shared/api';
import { plural } from './format';

/** What the user was doing when it failed: it decides whether anything can have reached Upflow. */
export type Attempt =
  | { kind: 'check' }
  | { kind: 'preview' }
  | { kind: 'start' }
  /** A step of a running import: `sentRows` lines had reached Upflow before it. */
  | { kind: 'continue'; sentRows: number; totalRows: number }
  | { kind: 'cancel' }
  | { kind: 'connect' };

export interface Explained {
  /** What happened, in the user's words. */
  what: string;
  /** Whether anything was sent to Upflow. */
  sent: string;
  /** What to do now. */
  next: string;
  /** Upflow's own words, kept when they add something to ours. */
  reason: string | null;
  /** The settings hold the fix (key, secret, environment). */
  toSettings: boolean;
}

/** Codes the Upflow client gives when Upflow is down, busy or unreachable (src/engine/upflow/client.ts, packages/upflow-sandbox/errors.ts). */
const UPFLOW_DOWN = /^(UNREACHABLE|INTERNAL_ERROR|SERVICE_UNAVAILABLE|RATE_LIMITED|HTTP_(5\d\d|429))$/;
const KEY_REFUSED = /^(UNAUTHORIZED|FORBIDDEN|HTTP_40[13])$/;

/** Upflow's generic texts ("Internal server error") say less than ours: they are dropped. */
const GENERIC_REASON = /^(internal server error|service unavailable|too many requests|invalid api credentials)\.?$/i;

function sentText(attempt: Attempt): string {
  switch (attempt.kind) {
    case 'continue':
      return attempt.sentRows > 0
        ? `${plural(attempt.sentRows, 'line')} of ${attempt.totalRows.toLocaleString()} had reached Upflow before this, each with its result on the sheet; the others were not sent yet.`
        : 'No line had been sent to Upflow yet.';
    case 'cancel':
      return 'The import may still be sending its last lines: their results appear on the sheet.';
    default:
      return 'Nothing was sent to Upflow.';
  }
}

const DOING: Record<Attempt['kind'], string> = {
  check: 'The check could not finish',
  preview: 'The preview could not be prepared',
  start: 'The import could not start',
  continue: 'The import stopped',
  cancel: 'The import could not be cancelled',
  connect: 'The connection test failed',
};

/** Turns a server error into what happened, whether anything was sent, and the next step. */
export function explain(error: AppError, attempt: Attempt): Explained {
  const sent = sentText(attempt);
  const again = attempt.kind === 'continue' ? 'Resume: the import goes on where it stopped, nothing is sent twice.' : 'Try again.';
  if (UPFLOW_DOWN.test(error.code)) {
    return {
      what: `${DOING[attempt.kind]}: Upflow is not answering right now.`,
      sent,
      next: `Wait a few minutes, then ${attempt.kind === 'continue' ? 'resume: the import goes on where it stopped, nothing is sent twice' : 'try again'}.`,
      reason: GENERIC_REASON.test(error.message.trim()) ? null : error.message,
      toSettings: false,
    };
  }
  if (KEY_REFUSED.test(error.code)) {
    return {
      what: `${DOING[attempt.kind]}: Upflow refused the API key and secret.`,
      sent,
      next: 'Check them in Settings, then try again.',
      reason: null,
      toSettings: attempt.kind !== 'connect',
    };
  }
  if (error.code === 'NOT_CONNECTED') {
    return {
      what: `${DOING[attempt.kind]}: the add-on is not connected to Upflow yet.`,
      sent,
      next: 'Add your API key and secret in Settings.',
      reason: null,
      toSettings: attempt.kind !== 'connect',
    };
  }
  if (error.code === 'CONNECTION_LOST') {
    return { what: `${DOING[attempt.kind]}: the connection to Google Sheets dropped.`, sent, next: again, reason: null, toSettings: false };
  }
  // The server's own errors are already written for the user: they are the whole story.
  return { what: error.message, sent, next: '', reason: null, toSettings: false };
}
