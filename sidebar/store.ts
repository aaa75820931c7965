import type { Attempt } from './failure';
import { toAppError } from './rpc';
import { initialState, reduce, type Action, type AppState, type Area } from './state';
import { announce } from './status';

/** The sidebar's one state (sidebar/state.ts says what it holds); only dispatch and record replace it. */
export let state: AppState = initialState;

let renderer: () => void = () => undefined;
let scheduled = false;

export function onRender(fn: () => void): void {
  renderer = fn;
}

/** Applies an action and re-renders once per task, however many actions a flow dispatches. */
export function dispatch(action: Action): void {
  const next = reduce(state, action);
  if (next === state) return;
  state = next;
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    renderer();
  });
}

/**
 * Applies an action the page already shows (a character typed, a group the user opened): no
 * re-render, which would rebuild the field under the caret. The next render shows the same.
 */
export function record(action: Action): void {
  state = reduce(state, action);
}

/** The control a render is to focus, taken once. */
export function takeFocus(): string | null {
  const key = state.focus;
  record({ type: 'focusTaken' });
  return key;
}

export const isBusy = (...keys: string[]): boolean => keys.some((k) => state.busy.has(k));

/**
 * Runs one user action: marks it busy, clears the area's previous error, and on failure shows
 * the error in that area (with a retry when given) and announces it.
 */
export async function perform<T>(key: string, area: Area, task: () => Promise<T>, retry?: () => void, attempt?: Attempt): Promise<T | undefined> {
  dispatch({ type: 'callStarted', key, area });
  try {
    return await task();
  } catch (e) {
    const error = toAppError(e);
    dispatch({ type: 'callFailed', area, failure: { error, ...(retry && { retry }), ...(attempt && { attempt }) } });
    announce(error.message, 'error');
    return undefined;
  } finally {
    dispatch({ type: 'callEnded', key });
  }
}
