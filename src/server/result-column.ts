import type { CellValue } from '../engine/cell';
import { lineFingerprint } from '../engine/import/line-fingerprint';
import { placeOnLines, type PendingResult } from '../engine/run/place-results';
import { needsAnotherTry } from '../engine/run/result-text';
import type { FieldColumns } from '../engine/sheet-input';
import type { TemplateId } from '../engine/templates';
import { RESULT_HEADER } from './internal-sheets';
import { resolveMapping } from './mapping-store';
import { readBlock, type SheetBlock } from './sheet-block';

/**
 * The results column, found by its header wherever the user moved it, else added right of the
 * data (1-based column). Never found by position: an inserted column would make us write into
 * the user's own.
 */
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

export interface Placement {
  placed: number;
  /** Results whose line was edited or deleted since it was read: written nowhere. */
  unplaced: number;
  /** The sheet as read for the placement, the results written included. */
  block: SheetBlock;
  column: number;
}

export const fingerprints =
  (block: SheetBlock, columns: FieldColumns) =>
  (row: number): string =>
    lineFingerprint(block.input.rows[row - block.input.firstRow] ?? [], columns);

/**
 * Writes results to the lines they belong to, whatever the user did to the sheet since it was
 * read: the sheet is read again and each result placed by what its line said
 * (src/engine/run/place-results.ts). One read and one write of the results column.
 */
export function placeResults(sheet: GoogleAppsScript.Spreadsheet.Sheet, template: TemplateId, results: readonly PendingResult[]): Placement {
  const block = readBlock(sheet);
  const column = resultColumn(block);
  const { fieldColumns } = resolveMapping(sheet, block.headers, template);
  const first = block.input.firstRow;
  const now = block.input.rows.map((row) => lineFingerprint(row, fieldColumns));
  const { texts, unplaced } = placeOnLines(results, now, first);
  writeColumn(sheet, block, column, texts);
  for (const [row, text] of texts) {
    const cells = block.input.rows[row - first];
    if (cells) cells[column - 1] = text;
  }
  return { placed: texts.size, unplaced, block, column };
}

/** The light red of a result to fix and send again (Sheets' own light red 3). */
export const RETRY_BACKGROUND = '#f4cccc';

/**
 * One write of the span of rows the texts cover; rows between them keep what the sheet holds.
 * A failed or not-imported line's result turns light red, and loses it when a later import writes
 * another result; any other background (the user's own) is kept as it is.
 */
function writeColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet, block: SheetBlock, column: number, texts: ReadonlyMap<number, string>): void {
  if (texts.size === 0) return;
  let top = Infinity;
  let bottom = -Infinity;
  for (const row of texts.keys()) {
    if (row < top) top = row;
    if (row > bottom) bottom = row;
  }
  const first = block.input.firstRow;
  const range = sheet.getRange(top, column, bottom - top + 1, 1);
  const before = range.getBackgrounds();
  const values: CellValue[][] = [];
  const backgrounds: Array<Array<string | null>> = [];
  for (let row = top; row <= bottom; row++) {
    const text = texts.get(row);
    const kept = before[row - top]?.[0] ?? null;
    values.push([text ?? block.input.rows[row - first]?.[column - 1] ?? '']);
    if (text === undefined) backgrounds.push([kept]);
    else if (needsAnotherTry(text)) backgrounds.push([RETRY_BACKGROUND]);
    else backgrounds.push([kept?.toLowerCase() === RETRY_BACKGROUND ? null : kept]);
  }
  range.setValues(values).setBackgrounds(backgrounds);
}
