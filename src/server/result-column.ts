import type { JobOutcome, OutcomeKind } from '../engine/import/outcome';
import { RESULT_HEADER } from './internal-sheets';
import type { SheetBlock } from './sheet-block';

const LABELS: Record<OutcomeKind, string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  failed: 'Failed',
  skipped: 'Not imported',
};

const STAMP = / · (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})$/;

/** "Created · 2026-11-24 16:05:12": the stamp tells which import wrote the result. */
export function resultText(outcome: OutcomeKind, message: string, stamp: string): string {
  return `${LABELS[outcome]}${message ? `: ${message}` : ''} · ${stamp}`;
}

export const stampOf = (text: string): string | null => STAMP.exec(text)?.[1] ?? null;
/** A line Upflow refused or that was held back for its errors: one to fix and send again. */
export const needsAnotherTry = (text: string): boolean => text.startsWith(`${LABELS.failed}:`) || text.startsWith(LABELS.skipped);

/** The results column right of the data, created the first time (1-based column). */
export function resultColumn(block: SheetBlock): number {
  const at = block.headers.findIndex((h) => h === RESULT_HEADER);
  if (at >= 0) return at + 1;
  const column = block.width + 1;
  const sheet = block.sheet;
  if (sheet.getMaxColumns() < column) sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
  sheet.getRange(block.headerRow, column).setValue(RESULT_HEADER).setFontWeight('bold');
  return column;
}

/** The results of the data rows, read once (column given 1-based). */
export function readResults(block: SheetBlock, column: number): string[] {
  const index = column - 1;
  return block.input.rows.map((row) => String(row[index] ?? ''));
}

/**
 * Writes the outcomes of many rows at once: one read and one write of the span of rows
 * they cover, leaving the rows between them as they were.
 */
export function writeResults(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, texts: ReadonlyMap<number, string>): void {
  if (texts.size === 0) return;
  const rows = [...texts.keys()];
  const top = Math.min(...rows);
  const span = Math.max(...rows) - top + 1;
  const range = sheet.getRange(top, column, span, 1);
  const current = range.getValues();
  range.setValues(current.map((value, i) => [texts.get(top + i) ?? value[0]]));
}

export const textsFor = (outcomes: readonly JobOutcome[], stamp: string): Map<number, string> => {
  const texts = new Map<number, string>();
  for (const o of outcomes) for (const row of o.rows) texts.set(row, resultText(o.outcome, o.message, stamp));
  return texts;
};
