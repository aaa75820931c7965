import type { CustomerJob } from '../payloads/types';
import { importOf, outcomeOf } from './result-cell';

export interface Tally {
  totalCustomers: number;
  doneCustomers: number;
  totalRows: number;
  doneRows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Lines not imported for their errors. */
  skipped: number;
}

/**
 * The import's counts, read from the results in the sheet rather than added up as chunks go: an
 * execution stopped between writing results and saving its counts loses nothing. A customer
 * counts once, by the result of its first line; its lines count each.
 *
 * `jobs`: every customer of the sheet's plan; `inImport`: whether one still belongs to this
 * import (not all its lines done yet); `resultOf`: the result text of a sheet line.
 */
export function tally(
  jobs: readonly CustomerJob[],
  skippedRows: readonly number[],
  resultOf: (row: number) => string,
  importNumber: number,
  inImport: (job: CustomerJob) => boolean,
): Tally {
  const counts: Tally = { totalCustomers: 0, doneCustomers: 0, totalRows: 0, doneRows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  const ours = (row: number) => importOf(resultOf(row)) === importNumber;
  for (const job of jobs) {
    const done = job.rows.filter(ours);
    if (!done.length && !inImport(job)) continue;
    counts.totalCustomers++;
    counts.totalRows += job.rows.length;
    counts.doneRows += done.length;
    if (done.length < job.rows.length) continue;
    counts.doneCustomers++;
    const outcome = outcomeOf(resultOf(done[0]!));
    if (outcome === 'created' || outcome === 'updated' || outcome === 'unchanged' || outcome === 'failed') counts[outcome]++;
    else if (outcome === 'skipped') counts.skipped += job.rows.length;
  }
  for (const row of skippedRows) if (ours(row) && outcomeOf(resultOf(row)) === 'skipped') counts.skipped++;
  return counts;
}
