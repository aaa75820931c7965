import type { ImportState } from './history-status';

export interface Progress {
  /** Lines done per minute since the start, rounded. */
  ratePerMinute: number;
  /** Seconds until every line is done at that rate; null once it stopped, or before a line is done. */
  secondsLeft: number | null;
}

/** How fast a running import goes, from its counts and its start (ISO time) at `now` (ms). */
export function progressOf(run: { state: ImportState; startedAt: string; totalRows: number; doneRows: number }, now: number): Progress {
  // At least a second: an import read the instant it starts has no rate yet, not an infinite one.
  const elapsedMinutes = Math.max((now - Date.parse(run.startedAt)) / 60_000, 1 / 60);
  const rate = run.doneRows / elapsedMinutes;
  const left = run.totalRows - run.doneRows;
  return { ratePerMinute: Math.round(rate), secondsLeft: run.state === 'running' && rate > 0 ? Math.round((left / rate) * 60) : null };
}
