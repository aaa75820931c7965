/**
 * `npm start -- customers.csv` (or .xlsx): the file becomes the sheet, as File > Import puts it
 * in Sheets. CSV text is converted like typed input (so "01000" becomes 1000, as in Sheets);
 * an .xlsx keeps its cell types.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { parseCsv } from '../../src/engine/csv';
import { decodeText } from '../../src/engine/decode';

export type InputCell = string | number | boolean | Date;

export interface InputSheet {
  /** The sheet's name: the file's name without its extension. */
  name: string;
  rows: InputCell[][];
}

export async function readInputFile(path: string): Promise<InputSheet> {
  const extension = extname(path).toLowerCase();
  const name = basename(path, extname(path)).slice(0, 100) || 'Sheet1';
  if (extension === '.xlsx') {
    const data = await readSheet(path);
    // The library types a date cell as `typeof Date`; the value is a Date.
    return { name, rows: data.map((line) => line.map((cell) => (cell === null ? '' : keepText(cell as InputCell)))) };
  }
  if (extension === '.csv') {
    const { rows } = parseCsv(decodeText(await readFile(path)).text);
    if (rows.length === 0) throw new Error(`"${path}" has no lines.`);
    return { name, rows };
  }
  throw new Error(`"${path}" is neither a .csv nor an .xlsx file.`);
}

/** A leading apostrophe is Sheets' "keep as text" marker: text cells of a workbook stay text. */
function keepText(cell: InputCell): InputCell {
  return typeof cell === 'string' && cell !== '' ? `'${cell}` : cell;
}
