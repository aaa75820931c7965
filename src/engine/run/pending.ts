import type { CustomerRequest, ImportPlan } from '../payloads/types';
import { needsAnotherTry, parseResult } from './result-text';

/** Which import is running, as far as choosing its lines goes. */
export interface RunCursor {
  importNumber: number;
  /** An import of the failed lines only: it re-sends the lines whose result said so at its start. */
  onlyFailed: boolean;
  /** Those lines, as read at the start; null when unknown (the cache forgot them). */
  failedAtStart: ReadonlySet<number> | null;
}

export interface Pending {
  /** Customers with a line whose result does not name this import yet. */
  requests: CustomerRequest[];
  /** Lines held back by their errors whose result does not say so for this import yet. */
  heldBackRows: number[];
  /** Whether a customer still belongs to this import (some line of it is not done yet). */
  inImport: (request: CustomerRequest) => boolean;
}

/**
 * What this import still has to do on the sheet as it is now, read from the result cells only
 * (src/engine/run/result-text.ts): an execution stopped at any point resumes from the sheet.
 * `resultOf` gives the result text of a sheet line.
 */
export function pendingOf(plan: Pick<ImportPlan, 'requests' | 'skippedRows'>, resultOf: (row: number) => string, cursor: RunCursor): Pending {
  const done = (row: number) => parseResult(resultOf(row)).importNumber === cursor.importNumber;
  // Re-sending failed lines: only lines that had failed when it started belong to it. Without the
  // list, a line still marked to send again, or done by this import, does.
  const belongs = (row: number) => !cursor.onlyFailed || (cursor.failedAtStart ? cursor.failedAtStart.has(row) : needsAnotherTry(resultOf(row)) || done(row));
  const inImport = (request: CustomerRequest) => request.rows.some((row) => !done(row)) && request.rows.some(belongs);
  return {
    requests: plan.requests.filter(inImport),
    heldBackRows: plan.skippedRows.filter((row) => !done(row) && belongs(row)),
    inImport,
  };
}

/** The lines an import of failed lines takes on: those whose result says to send them again (`results[0]` is `firstRow`). */
export function rowsToSendAgain(results: readonly string[], firstRow: number): Set<number> {
  return new Set(results.flatMap((text, i) => (needsAnotherTry(text) ? [firstRow + i] : [])));
}
