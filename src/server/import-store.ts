import { KEYS, type RunningImport } from './store/keys';
import { read, remove, write } from './store/store';

export type { RunningImport } from './store/keys';

/** The running import, in document properties so any execution (and any user) sees it. */
export const loadImport = (): RunningImport | null => read(KEYS.runningImport);

export function saveImport(run: RunningImport): void {
  write(KEYS.runningImport, run);
}

/** Cancel is a flag apart from the run, so it lands even while a step holds the lock. */
export function requestCancel(id: string): void {
  write(KEYS.cancelledImport, id);
}
export const cancelRequested = (id: string): boolean => read(KEYS.cancelledImport) === id;
export function clearCancel(): void {
  remove(KEYS.cancelledImport);
}

/** Send times of the last minute, kept across the executions of one import. */
export function savePacer(times: readonly number[]): void {
  write(KEYS.pacer, [...times]);
}

export const loadPacer = (): number[] => read(KEYS.pacer) ?? [];

/** The next import's number, from a counter kept with the document (call under the document lock). */
export function nextImportNumber(): number {
  const next = (read(KEYS.importNumber) ?? 0) + 1;
  write(KEYS.importNumber, next);
  return next;
}

/**
 * Keys of the customers this step is creating, written before each round that creates some and
 * cleared once their results are in the sheet. Found at the start of a step, it tells that the
 * previous execution was stopped: those customers, if Upflow holds them now, were created by it.
 */
export function noteCreating(keys: readonly string[]): void {
  const known = loadCreating();
  for (const key of keys) known.add(key);
  write(KEYS.creating, [...known]);
}

export const loadCreating = (): Set<string> => new Set(read(KEYS.creating) ?? []);

export function clearCreating(): void {
  remove(KEYS.creating);
}

/** Lines that were to be re-sent: those whose result said failed or not imported at the start. */
export const loadFailedAtStart = (importId: string): Set<number> | null => {
  const rows = read(KEYS.failedAtStart(importId));
  return rows ? new Set(rows) : null;
};

export function saveFailedAtStart(importId: string, rows: ReadonlySet<number>): void {
  write(KEYS.failedAtStart(importId), [...rows]);
}
