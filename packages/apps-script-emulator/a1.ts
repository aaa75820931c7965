import { fail } from './exception';

export interface GridRect {
  row: number; // 1-based
  column: number; // 1-based
  numRows: number;
  numColumns: number;
}

export function columnToLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  return column;
}

export function toA1(rect: GridRect): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

export interface ParsedA1 {
  sheetName: string | null;
  rect: GridRect;
}

const ENDPOINT = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Splits `'My sheet'!A1:B2` into the sheet name and the reference part. */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let sheetName = a1.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, ref: a1.slice(bang + 1) };
}

/**
 * Parses A1 notation; open-ended forms (`A:A`, `2:5`, `A2:B`) stretch to the sheet's size,
 * as Sheets does.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): ParsedA1 {
  const { sheetName, ref } = splitSheetName(a1.trim());
  const [startText, endText, extra] = ref.split(':');
  const start = startText === undefined ? null : ENDPOINT.exec(startText);
  const end = endText === undefined ? start : ENDPOINT.exec(endText);
  if (!start || !end || extra !== undefined || (!start[1] && !start[2])) fail('Range not found');
  if (endText === undefined && (!start[1] || !start[2])) fail('Range not found');
  const startColumn = start[1] ? lettersToColumn(start[1]) : 1;
  const startRow = start[2] ? Number(start[2]) : 1;
  const endColumn = end[1] ? lettersToColumn(end[1]) : maxColumns;
  const endRow = end[2] ? Number(end[2]) : maxRows;
  if (startRow < 1 || endRow < 1) fail('Range not found');
  const row = Math.min(startRow, endRow);
  const column = Math.min(startColumn, endColumn);
  return {
    sheetName,
    rect: {
      row,
      column,
      numRows: Math.max(startRow, endRow) - row + 1,
      numColumns: Math.max(startColumn, endColumn) - column + 1,
    },
  };
}
