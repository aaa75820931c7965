import { parseCsv, type ParsedCsv } from './csv';
import { tooBigForSheet, type CsvFileError } from './sheet-capacity';

export type { CsvFileError } from './sheet-capacity';

/** The largest file the sidebar reads: Sheets would take minutes over more. */
export const MAX_CSV_CHARS = 10 * 1024 * 1024;

export type CsvFileReading = { ok: true; value: ParsedCsv } | { ok: false; error: CsvFileError };

/**
 * Control characters other than tab and line breaks never occur in a text export; a workbook or
 * a PDF renamed .csv is full of them (and of NULs). A few are forgiven in a long text file.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern counts
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const looksBinary = (text: string): boolean => {
  const sample = text.slice(0, 64 * 1024);
  return sample.includes('\u0000') || (sample.match(CONTROL)?.length ?? 0) > Math.max(8, sample.length / 1000);
};

/** A CSV file's text read into lines for a new sheet, or why it can't be. */
export function readCsvFile(fileName: string, text: string): CsvFileReading {
  if (text.length > MAX_CSV_CHARS) {
    return {
      ok: false,
      error: {
        code: 'CSV_TOO_BIG',
        message: `This file is too big: ${(text.length / 1024 / 1024).toFixed(1)} million characters, over the 10 MB limit. Split it in smaller files.`,
      },
    };
  }
  if (looksBinary(text)) {
    return {
      ok: false,
      error: {
        code: 'CSV_NOT_TEXT',
        message: `"${fileName}" is not a CSV text file: it looks like a workbook or another kind of file renamed .csv. Open it in Excel or Sheets and save it as CSV, then import that file.`,
      },
    };
  }
  const parsed = parseCsv(text);
  const refused = tooBigForSheet(fileName, parsed.rows);
  return refused ? { ok: false, error: refused } : { ok: true, value: parsed };
}
