import type { OutcomeKind } from '../import/outcome';

/**
 * The text of a line's cell in the column "Upflow import result", and the import's cursor.
 *
 *   "Created · 2026-12-01 16:05 · import #12"
 *   "Failed: Upflow refused the VAT number. … · 2026-12-01 16:05 · import #12"
 *   "Not imported: C2: the email has no @ · 2026-12-01 16:05 · import #12"
 *
 * The contract, for every reader of the column:
 * - **Done for an import**: the text ends with " · import #N"; the line is done for import N,
 *   whatever precedes it. Any other text (empty, an older import's result, a user's edit) leaves
 *   the line still to send. N comes from a counter kept with the document, so no clock, time zone
 *   or daylight-saving change can make a line look done or not done; the time is for people only.
 * - **What happened**: the text starts with a label: "Created", "Updated", "Unchanged", "Failed"
 *   or "Not imported" (held back for its errors, or a customer Upflow's list can't name), then
 *   ": reason" when there is one, then " · ".
 * - **To send again**: "Failed" and "Not imported" are the lines to fix and send again (an import
 *   of failed lines, the light red of src/server/result-column.ts, Copy failed rows).
 *
 * Both parts are read apart: a label whose number a user erased is still a line to send again; a
 * number behind a user's own words still marks the line done for that import.
 */
const LABELS: Record<OutcomeKind, string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  failed: 'Failed',
  skipped: 'Not imported',
};

const IMPORT = / · import #(\d+)$/;

export interface LineResult {
  outcome: OutcomeKind;
  /** Upflow's reason or the line's first error, with the fix; empty when there is nothing to say. */
  message: string;
  /** When, in the spreadsheet's zone ("2026-12-01 16:05"): for people only, never compared. */
  shownTime: string;
  importNumber: number;
}

export function formatResult({ outcome, message, shownTime, importNumber }: LineResult): string {
  return `${LABELS[outcome]}${message ? `: ${message}` : ''} · ${shownTime} · import #${importNumber}`;
}

/** What a result cell says: each part null when the text does not carry it. */
export interface ReadResult {
  outcome: OutcomeKind | null;
  importNumber: number | null;
}

export function parseResult(text: string): ReadResult {
  const found = IMPORT.exec(text);
  return { outcome: outcomeOf(text), importNumber: found ? Number(found[1]) : null };
}

function outcomeOf(text: string): OutcomeKind | null {
  for (const [kind, label] of Object.entries(LABELS) as Array<[OutcomeKind, string]>) {
    if (text === label || text.startsWith(`${label} · `) || text.startsWith(`${label}: `)) return kind;
  }
  return null;
}

/** A line Upflow refused or that was held back for its errors: one to fix and send again. */
export const needsAnotherTry = (text: string): boolean => {
  const { outcome } = parseResult(text);
  return outcome === 'failed' || outcome === 'skipped';
};
