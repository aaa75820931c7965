/** Where an import stands: running until a step finds nothing left, the user cancels, or it cannot go on. */
export type ImportState = 'running' | 'done' | 'cancelled' | 'failed';

export type HistoryStatus = 'running' | 'cancelled' | 'failed' | 'partial' | 'success';

/** The status the import history shows: a finished import with a failed or held-back line is partial. */
export function historyStatus(state: ImportState, counts: { failed: number; skipped: number }): HistoryStatus {
  if (state !== 'done') return state;
  return counts.failed || counts.skipped ? 'partial' : 'success';
}
