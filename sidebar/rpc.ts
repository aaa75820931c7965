import type { AppError, Result } from '../src/shared/api';
import type { ServerFunctionName, ServerFunctions } from '../src/server/api';

/**
 * The slice of the Apps Script client API the sidebar uses (HtmlService, iframe sandbox). Each
 * function's arguments and answer are those of its entry in the server's table (src/server/api.ts).
 */
type ScriptRunner = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
} & { [K in ServerFunctionName]: (...args: Parameters<ServerFunctions[K]>) => void };
declare global {
  var google: { script: { run: ScriptRunner; host: { editor: { focus(): void } } } } | undefined;
}

/** Code of the rejections that say nothing about the request itself: the execution died or the network dropped. */
const CONNECTION_LOST = 'CONNECTION_LOST';

export type Value<K extends ServerFunctionName> = ReturnType<ServerFunctions[K]> extends Result<infer T> ? T : never;

const isAppError = (e: unknown): e is AppError => typeof e === 'object' && e !== null && typeof (e as AppError).code === 'string' && typeof (e as AppError).message === 'string';

export const isConnectionLost = (e: unknown): boolean => isAppError(e) && e.code === CONNECTION_LOST;

/** Turns anything thrown into a message a sales person can read. */
export const toAppError = (e: unknown): AppError =>
  isAppError(e) ? e : { code: 'UNEXPECTED', message: e instanceof Error ? e.message : 'Something went wrong. Please try again.' };

/**
 * Calls a server function and resolves with its value. Rejects with an AppError: the server's own
 * error, or CONNECTION_LOST when google.script.run's failure handler fires (time limit, network).
 */
export function call<K extends ServerFunctionName>(name: K, ...args: Parameters<ServerFunctions[K]>): Promise<Value<K>> {
  return new Promise((resolve, reject) => {
    const runner = globalThis.google?.script.run;
    if (!runner) {
      reject({ code: 'NO_APPS_SCRIPT', message: 'This page only works inside Google Sheets (Extensions → Upflow import).' });
      return;
    }
    const handlers = runner
      .withSuccessHandler((result) => {
        const r = result as Result<Value<K>> | null;
        if (r && r.ok === true) resolve(r.value);
        else if (r && r.ok === false) reject(toAppError(r.error));
        else reject({ code: 'BAD_RESPONSE', message: 'The add-on sent an unexpected answer. Please reload the sidebar.' });
      })
      .withFailureHandler((error) => {
        const detail = error instanceof Error ? error.message : String(error ?? '');
        reject({ code: CONNECTION_LOST, message: detail ? `Connection to Google Sheets lost (${detail}).` : 'Connection to Google Sheets lost.' });
      });
    (handlers[name] as (...a: unknown[]) => void)(...args);
  });
}

/** Puts the keyboard back in the spreadsheet, e.g. after selecting a cell for the user to fix. */
export function focusSheet(): void {
  globalThis.google?.script.host.editor.focus();
}
