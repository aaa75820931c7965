import type { ImportPlan } from '../payloads/types';
import { pendingOf, type RunCursor } from './pending';
import { parseResult } from './result-text';

export interface Tally {
  totalCustomers: number;
  doneCustomers: number;
  totalRows: number;
  doneRows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Lines not imported for their errors, or because Upflow's list can't name their customer. */
  skipped: number;
}

/**
 * The import's counts, read from the results in the sheet rather than added up as steps go: an
 * execution stopped between writing results and saving its counts loses nothing. A customer
 * counts once, by the result of its first line; its lines count each. A customer counts while it
 * belongs to the import (src/engine/run/pending.ts) or once one of its lines names the import.
 */
export function tally(plan: Pick<ImportPlan, 'requests' | 'skippedRows'>, resultOf: (row: number) => string, cursor: RunCursor): Tally {
  const counts: Tally = { totalCustomers: 0, doneCustomers: 0, totalRows: 0, doneRows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  const read = (row: number) => parseResult(resultOf(row));
  const ours = (row: number) => read(row).importNumber === cursor.importNumber;
  const { inImport } = pendingOf(plan, resultOf, cursor);
  for (const request of plan.requests) {
    const done = request.rows.filter(ours);
    if (!done.length && !inImport(request)) continue;
    counts.totalCustomers++;
    counts.totalRows += request.rows.length;
    counts.doneRows += done.length;
    if (done.length < request.rows.length) continue;
    counts.doneCustomers++;
    const { outcome } = read(done[0]!);
    if (outcome === 'created' || outcome === 'updated' || outcome === 'unchanged' || outcome === 'failed') counts[outcome]++;
    else if (outcome === 'skipped') counts.skipped += request.rows.length;
  }
  for (const row of plan.skippedRows) if (ours(row) && read(row).outcome === 'skipped') counts.skipped++;
  return counts;
}
