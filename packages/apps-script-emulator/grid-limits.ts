/**
 * Google Sheets' size limits: 10 million cells per spreadsheet, over all its sheets, and columns
 * up to ZZZ (18,278). Growing past them is refused before anything is stored, as Sheets does.
 */
import { fail } from './exception';
import type { SheetModel } from './sheet-model';

export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

/** Refuses to grow `sheet` to `rows` x `columns` when the spreadsheet would pass a limit. */
export function checkGrowth(sheets: readonly SheetModel[], sheet: SheetModel, rows: number, columns: number): void {
  // The Sheets API's text for the cell limit (as quoted in public issue reports of its 400 answers).
  const cellLimit = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
  // No source gives the text for a column past ZZZ: the cell-limit wording is reused [unconfirmed].
  if (columns > MAX_COLUMNS) fail(cellLimit);
  const others = sheets.reduce((sum, s) => (s === sheet ? sum : sum + s.maxRows * s.maxColumns), 0);
  if (others + rows * columns > MAX_CELLS) fail(cellLimit);
}
