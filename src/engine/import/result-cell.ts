import type { OutcomeKind } from './outcome';

/**
 * The text of a line's cell in the column "Upflow import result", and the import's cursor: a
 * line whose result names the running import ("import #12") is done for it; any other text
 * (empty, an older import's result, a user's edit) means the line is still to send. The number
 * comes from a counter kept with the document, so no clock, time zone or daylight-saving change
 * can make a line look done or not done; the time shown is for people only.
 *
 * "Created · 2026-12-01 16:05 · import #12"
 * "Failed: Upflow refused the VAT number. … · 2026-12-01 16:05 · import #12"
 */
const LABELS: Record<OutcomeKind, string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  failed: 'Failed',
  skipped: 'Not imported',
};

const IMPORT = / · import #(\d+)$/;

export function resultText(outcome: OutcomeKind, message: string, shownTime: string, importNumber: number): string {
  return `${LABELS[outcome]}${message ? `: ${message}` : ''} · ${shownTime} · import #${importNumber}`;
}

/** The number of the import that wrote this result, or null for any other text. */
export function importOf(text: string): number | null {
  const found = IMPORT.exec(text);
  return found ? Number(found[1]) : null;
}

/** What a result says happened, or null when the text is not one of ours. */
export function outcomeOf(text: string): OutcomeKind | null {
  for (const [kind, label] of Object.entries(LABELS) as Array<[OutcomeKind, string]>) {
    if (text === label || text.startsWith(`${label} · `) || text.startsWith(`${label}: `)) return kind;
  }
  return null;
}

/** A line Upflow refused or that was held back for its errors: one to fix and send again. */
export const needsAnotherTry = (text: string): boolean => {
  const outcome = outcomeOf(text);
  return outcome === 'failed' || outcome === 'skipped';
};
