import type { AppError, HistoryEntry, JobView, MappingView, PreviewView, SidebarState, ValidationView, View } from '../src/shared/api';
import type { Attempt } from './failure';
import { toAppError } from './rpc';
import { announce } from './status';

/** Parts of the sidebar that show their own error, next to the control that failed. */
export type Area = 'boot' | 'sheet' | 'mapping' | 'check' | 'list' | 'preview' | 'job' | 'history' | 'settings' | 'templates' | 'csv';

export interface AreaError {
  error: AppError;
  retry?: () => void;
  /** What the user tried: lets the message say whether anything reached Upflow and what to do. */
  attempt?: Attempt;
}

export interface AppState {
  app: SidebarState | null;
  view: View;
  sheetName: string;
  mapping: MappingView | null;
  validation: ValidationView | null;
  /** The sheet was edited after the check shown: its list may be out of date. */
  sheetChanged: boolean;
  /** The last batch of fixes, which the user can still take back. */
  undo: { sheetName: string; cells: number } | null;
  /** Problem groups the user expanded; kept across re-validations of the same sheet. */
  openGroups: Set<string>;
  preview: PreviewView | null;
  job: JobView | null;
  /** Seconds until the next attempt when continueImport lost its connection. */
  jobRetryIn: number | null;
  history: HistoryEntry[] | null;
  /** Keys of the calls in flight, to disable their buttons and show progress. */
  busy: Set<string>;
  errors: Partial<Record<Area, AreaError>>;
  /** A control to focus after the next render, when the one the user pressed went away. */
  focus: string | null;
}

export const state: AppState = {
  app: null,
  view: 'import',
  sheetName: '',
  mapping: null,
  validation: null,
  undo: null,
  openGroups: new Set(),
  preview: null,
  job: null,
  jobRetryIn: null,
  sheetChanged: false,
  history: null,
  busy: new Set(),
  errors: {},
  focus: null,
};

let renderer: () => void = () => undefined;
let scheduled = false;

export function onRender(fn: () => void): void {
  renderer = fn;
}

/** Applies a change and re-renders once per task, however many changes a flow makes. */
export function update(patch: Partial<AppState> = {}): void {
  Object.assign(state, patch);
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    renderer();
  });
}

export const isBusy = (...keys: string[]): boolean => keys.some((k) => state.busy.has(k));

/**
 * Runs one user action: marks it busy, clears the area's previous error, and on failure shows
 * the error in that area (with a retry when given) and announces it.
 */
export async function perform<T>(key: string, area: Area, task: () => Promise<T>, retry?: () => void, attempt?: Attempt): Promise<T | undefined> {
  state.busy.add(key);
  delete state.errors[area];
  update();
  try {
    return await task();
  } catch (e) {
    const error = toAppError(e);
    state.errors[area] = { error, ...(retry && { retry }), ...(attempt && { attempt }) };
    announce(error.message, 'error');
    return undefined;
  } finally {
    state.busy.delete(key);
    update();
  }
}
