import { cellText } from '../engine/cell';
import { needsAnotherTry } from '../engine/run/result-text';
import { RESULT_HEADER } from './internal-sheets';
import { writeTextSheet } from './text-sheet';
import { userError } from './result';
import { findSheet, readBlock } from './sheet-block';

/** The lines that failed or were not imported, with their result, in a new sheet to fix. */
export function copyFailedRows(sheetName: string): { sheetName: string; rows: number } {
  const block = readBlock(findSheet(sheetName));
  const column = block.headers.findIndex((h) => h === RESULT_HEADER);
  if (column < 0) throw userError('NO_RESULTS', `Sheet "${sheetName}" has no import results yet. Import it first.`);
  const rows = block.input.rows.filter((row) => needsAnotherTry(String(row[column] ?? '')));
  if (!rows.length) throw userError('NO_FAILED_ROWS', `No line of "${sheetName}" failed: nothing to copy.`);
  const target = writeTextSheet(
    `${sheetName} - to fix`,
    [block.headers, ...rows].map((r) => r.map((v) => cellText(v))),
  );
  return { sheetName: target.getName(), rows: rows.length };
}
