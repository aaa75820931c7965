import type { AppError, Result } from '../shared/api';
import { UpflowError } from '../engine/upflow/client';

/** An error the user can act on; thrown inside the server and turned into a value at the edge. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const userError = (code: string, message: string): UserFacingError => new UserFacingError(code, message);

/** Apps Script's own failures, reworded for a sales person; anything else stays generic. */
function describe(error: unknown): AppError {
  if (error instanceof UserFacingError || error instanceof UpflowError) return { code: error.code, message: error.message };
  const text = error instanceof Error ? error.message : String(error);
  if (/Exceeded maximum execution time/i.test(text)) {
    return { code: 'TIME_LIMIT', message: 'Google stopped this step because it took too long. Try again: the work done so far is kept.' };
  }
  if (/Lock timeout|another process was holding the lock/i.test(text)) {
    return { code: 'BUSY', message: 'Another action is running on this spreadsheet. Wait a moment and try again.' };
  }
  if (/exceeded the property storage quota/i.test(text)) {
    return {
      code: 'QUOTA_PROPERTIES',
      message: "Google's storage for the add-on's saved data is full (500 KB), so this could not be saved. Tell whoever looks after the add-on in your company.",
    };
  }
  if (/Service invoked too many times for one day/i.test(text)) {
    return { code: 'QUOTA', message: "Google's daily limit for this kind of action is used up for your account. Try again tomorrow: the work done so far is kept." };
  }
  if (/You do not have permission|Authorization is required/i.test(text)) {
    return { code: 'PERMISSION', message: 'The add-on needs your permission for this. Open it from Extensions > Upflow import > Open and accept.' };
  }
  // Addresses can carry secrets (a Slack webhook is one): they never reach the sidebar.
  return { code: 'UNEXPECTED', message: `Something went wrong: ${text.replace(/https?:\/\/\S+/g, '(address hidden)')}` };
}

/** Runs a server function so that the sidebar always gets a value, never an exception. */
export function guard<T>(work: () => T): Result<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}
