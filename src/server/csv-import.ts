import { parseCsv } from '../engine/csv';
import { writeTextSheet } from './text-sheet';
import { userError } from './result';
import type { CsvImportView } from '../shared/api';

const MAX_CHARS = 10 * 1024 * 1024;
/** 10 million cells is Google Sheets' limit; stay well below it in one write. */
const MAX_CELLS = 2_000_000;
/**
 * Control characters other than tab and line breaks never occur in a text export; a workbook or
 * a PDF renamed .csv is full of them (and of NULs). A few are forgiven in a long text file.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const looksBinary = (text: string): boolean => {
  const sample = text.slice(0, 64 * 1024);
  return sample.includes('\u0000') || (sample.match(CONTROL)?.length ?? 0) > Math.max(8, sample.length / 1000);
};

/**
 * Puts a CSV file in a new sheet, as text, so postal codes, phone numbers and IDs keep their
 * leading zeros and nothing turns into a date.
 */
export function importCsvFile(fileName: string, text: string): CsvImportView {
  if (text.length > MAX_CHARS) {
    throw userError('CSV_TOO_BIG', `This file is too big: ${(text.length / 1024 / 1024).toFixed(1)} million characters, over the 10 MB limit. Split it in smaller files.`);
  }
  if (looksBinary(text)) {
    throw userError(
      'CSV_NOT_TEXT',
      `"${fileName}" is not a CSV text file: it looks like a workbook or another kind of file renamed .csv. Open it in Excel or Sheets and save it as CSV, then import that file.`,
    );
  }
  const parsed = parseCsv(text);
  if (parsed.rows.length === 0) throw userError('CSV_EMPTY', `"${fileName}" has no lines. Check that it is the right file.`);
  // A loop, not Math.max(...rows): spreading 200,000 arguments overflows the stack.
  let width = 0;
  for (const row of parsed.rows) if (row.length > width) width = row.length;
  if (parsed.rows.length * width > MAX_CELLS) {
    throw userError('CSV_TOO_BIG', `"${fileName}" has ${parsed.rows.length} lines of ${width} columns: too big for one sheet. Split it in smaller files.`);
  }
  const sheet = writeTextSheet(fileName.replace(/\.(csv|txt)$/i, ''), parsed.rows);
  const problems = parsed.problems.map(({ line, severity, message }) => ({ line, severity, message }));
  return { sheetName: sheet.getName(), rows: parsed.rows.length - 1, delimiter: parsed.delimiter, problems };
}
