/**
 * The built add-on (dist/Code.js, the bytes that ship) running in a node:vm context with the
 * emulator's services as its globals, as Apps Script runs a project's files in one global scope.
 */
import vm from 'node:vm';
import type { AppsScript } from '@upflow-sheets/apps-script-emulator';

/** How a call ended, as google.script.run reports it: a JSON value, or the message of what was thrown. */
export type CallOutcome = { kind: 'return'; json: string | undefined } | { kind: 'throw'; message: string };

export interface AddOnHost {
  /** Runs a top-level function as one execution; `argsJson` is parsed in the add-on's own realm. */
  call(name: string, argsJson: string): CallOutcome;
}

// google.script.run reaches top-level functions only, and never those ending in "_" (private).
const CALLABLE_NAME = /^[A-Za-z$][\w$]*(?<!_)$/;

export function loadAddOn(app: AppsScript, code: string, log: (line: string) => void): AddOnHost {
  const context = vm.createContext({ console: scriptConsole(log) });
  app.install(context);
  vm.runInContext(code, context, { filename: 'Code.js' });
  const globals = context as Record<string, unknown>;
  // Parsing in the context's realm gives the add-on its own Objects and Arrays, as Apps Script does.
  const parse = vm.runInContext('JSON.parse', context) as (text: string) => unknown;

  const isCallable = (name: string): boolean => CALLABLE_NAME.test(name) && Object.prototype.hasOwnProperty.call(globals, name) && typeof globals[name] === 'function';

  return {
    call(name, argsJson) {
      if (!isCallable(name)) return { kind: 'throw', message: `Script function not found: ${name}` };
      const fn = globals[name] as (...args: unknown[]) => unknown;
      try {
        const args = parse(argsJson);
        const value = app.run(() => fn(...(Array.isArray(args) ? (args as unknown[]) : [])));
        return { kind: 'return', json: JSON.stringify(value) };
      } catch (error) {
        return { kind: 'throw', message: messageOf(error) };
      }
    },
  };
}

/** Errors thrown in the vm come from its realm, where `instanceof Error` is false. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** Apps Script's console goes to the execution log: here, the playground's terminal. */
function scriptConsole(log: (line: string) => void): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const write =
    (level: string) =>
    (...parts: unknown[]) =>
      log(`[Code.js ${level}] ${parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ')}`);
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}
