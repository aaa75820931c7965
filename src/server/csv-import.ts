import { tooBigForSheet } from '../engine/sheet-capacity';
import { writeTextSheet } from './text-sheet';
import { userError } from './result';
import type { CsvImportView } from '../shared/api';

/**
 * Puts the lines of a CSV file (read in the sidebar: src/engine/csv-file.ts) in a new sheet, as
 * text, so postal codes, phone numbers and IDs keep their leading zeros and nothing turns into a date.
 */
export function importCsvLines(fileName: string, rows: string[][]): CsvImportView {
  const refused = tooBigForSheet(fileName, rows);
  if (refused) throw userError(refused.code, refused.message);
  const sheet = writeTextSheet(fileName.replace(/\.(csv|txt)$/i, ''), rows);
  return { sheetName: sheet.getName(), rows: rows.length - 1 };
}
