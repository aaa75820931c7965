// Apart from the CSV reader (src/engine/csv-file.ts), which the sidebar runs: the server checks
// the lines it is sent without loading the parser.

/** 10 million cells is Google Sheets' limit; stay well below it in one write. */
export const MAX_SHEET_CELLS = 2_000_000;

export interface CsvFileError {
  code: 'CSV_TOO_BIG' | 'CSV_NOT_TEXT' | 'CSV_EMPTY';
  message: string;
}

/** The length of the longest line. */
export function widestRow(rows: readonly (readonly unknown[])[]): number {
  // A loop, not Math.max(...rows): spreading 200,000 arguments overflows the stack.
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

/** Why lines can't go into one sheet, if they can't. */
export function tooBigForSheet(fileName: string, rows: readonly (readonly string[])[]): CsvFileError | undefined {
  if (rows.length === 0) return { code: 'CSV_EMPTY', message: `"${fileName}" has no lines. Check that it is the right file.` };
  const width = widestRow(rows);
  if (rows.length * width <= MAX_SHEET_CELLS) return undefined;
  return { code: 'CSV_TOO_BIG', message: `"${fileName}" has ${rows.length} lines of ${width} columns: too big for one sheet. Split it in smaller files.` };
}
