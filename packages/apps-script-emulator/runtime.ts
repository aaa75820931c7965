import { CallCounter } from './call-counter';
import { ServiceException } from './exception';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface RunOptions {
  timeLimitMs?: number;
  authMode?: AuthModeName;
}

interface Execution {
  id: number;
  deadline: number;
  authMode: AuthModeName;
}

export const DEFAULT_TIME_LIMIT_MS = 6 * 60 * 1000;
/** Simple triggers (onOpen, onEdit) get 30 seconds in Apps Script. */
export const SIMPLE_TRIGGER_TIME_LIMIT_MS = 30 * 1000;

// What a script may touch before the add-on is authorised (NONE: menus only) and in simple
// triggers (LIMITED: the bound document, but no service needing its own scope).
const ALLOWED_WITHOUT_AUTH =
  /^(Ui|Menu|Logger|Utilities|Blob|HtmlService|HtmlOutput|HtmlTemplate|ScriptApp\.getScriptId)\.|^(SpreadsheetApp\.getUi|SpreadsheetApp\.flush|Session\.getScriptTimeZone|Session\.getActiveUserLocale)$/;
const SCOPES: [RegExp, string][] = [
  [/^UrlFetchApp\./, 'https://www.googleapis.com/auth/script.external_request'],
  [/^MailApp\./, 'https://www.googleapis.com/auth/script.send_mail'],
  [/^ScriptApp\./, 'https://www.googleapis.com/auth/script.scriptapp'],
  [/^(Session|User)\./, 'https://www.googleapis.com/auth/userinfo.email'],
  [/^(PropertiesService|Properties|CacheService|Cache|LockService|Lock)\./, 'https://www.googleapis.com/auth/script.storage'],
];
const NEEDS_FULL = /^(UrlFetchApp|MailApp)\.|^ScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger|getOAuthToken)$/;

function requiredScope(label: string): string {
  return SCOPES.find(([pattern]) => pattern.test(label))?.[1] ?? 'https://www.googleapis.com/auth/spreadsheets.currentonly';
}

function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The execution model shared by every service of one emulator: call counting, the
 * execution-time limit, the authorisation mode and the end-of-execution hooks.
 */
export class Runtime {
  readonly calls = new CallCounter();
  private readonly executions: Execution[] = [];
  private nextExecutionId = 1;
  private readonly endListeners: ((executionId: number) => void)[] = [];

  /** Who is using the document now: user properties, user cache and Session follow them. */
  user: string;

  constructor(
    readonly now: () => number,
    owner: string,
    /** How Utilities.sleep waits: by default it blocks the thread (see AppsScriptOptions.sleep). */
    readonly sleep: (ms: number) => void = blockFor,
  ) {
    this.user = owner;
  }

  /** `fn` as done by another person using the same document. */
  asUser<T>(email: string, fn: () => T): T {
    const previous = this.user;
    this.user = email;
    try {
      return fn();
    } finally {
      this.user = previous;
    }
  }

  /**
   * The active user's email, or "" in a simple trigger. Google: a simple trigger "may or may not be
   * able to determine the identity of the current user"; the emulator takes the strict side.
   */
  visibleEmail(): string {
    return this.authMode === 'FULL' ? this.user : '';
  }

  /** 0 outside any `run`: calls made directly by a test belong to one endless execution. */
  get executionId(): number {
    return this.executions.at(-1)?.id ?? 0;
  }

  get authMode(): AuthModeName {
    return this.executions.at(-1)?.authMode ?? 'FULL';
  }

  remainingMs(): number {
    const current = this.executions.at(-1);
    return current ? current.deadline - this.now() : Infinity;
  }

  enter(label: string): void {
    this.calls.add(label);
    this.checkDeadline();
    const mode = this.authMode;
    if (mode === 'FULL') return;
    if (mode === 'LIMITED' ? NEEDS_FULL.test(label) : !ALLOWED_WITHOUT_AUTH.test(label)) {
      throw new ServiceException(`You do not have permission to call ${label}. Required permissions: ${requiredScope(label)}`);
    }
  }

  checkDeadline(): void {
    if (this.remainingMs() < 0) throw new Error('Exceeded maximum execution time');
  }

  onExecutionEnd(listener: (executionId: number) => void): void {
    this.endListeners.push(listener);
  }

  run<T>(fn: () => T, options: RunOptions = {}): T {
    const execution: Execution = {
      id: this.nextExecutionId++,
      deadline: this.now() + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
      authMode: options.authMode ?? 'FULL',
    };
    this.executions.push(execution);
    try {
      return fn();
    } finally {
      this.executions.pop();
      for (const listener of this.endListeners) listener(execution.id);
    }
  }
}

/**
 * Wraps every public method of a service class so that each call is counted and checked
 * against the deadline and authorisation mode. Implementations must therefore never call
 * their own public methods (that would count twice): shared logic lives in models or helpers.
 */
export function instrument(cls: { prototype: object }, service: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const original = proto[name];
    if (name === 'constructor' || typeof original !== 'function') continue;
    const label = `${service}.${name}`;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (this: { rt: Runtime }, ...args: unknown[]) {
        this.rt.enter(label);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  }
}
