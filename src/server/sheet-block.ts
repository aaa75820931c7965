import { wallClockRows, type CellValue } from '../engine/cell';
import { splitAtHeader, type SplitGrid } from '../engine/check';
import type { SheetInput } from '../engine/sheet-input';
import { userError } from './result';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet's used area, read once: the header row and the data rows under it. */
export interface SheetBlock extends SplitGrid {
  sheet: Sheet;
  width: number;
  input: SheetInput & { formulas: string[][] };
}

export function findSheet(name: string): Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw userError('SHEET_NOT_FOUND', `There is no sheet named "${name}" any more. Pick another sheet.`);
  return sheet;
}

/** Cell values as the user sees them: dates on the day the sheet shows, in its time zone. */
export function shownValues(range: GoogleAppsScript.Spreadsheet.Range): CellValue[][] {
  return wallClockRows(range.getValues() as CellValue[][], range.getSheet().getParent().getSpreadsheetTimeZone());
}

/** One getValues and one getFormulas for the whole used area, whatever its size. */
export function readBlock(sheet: Sheet): SheetBlock {
  const range = sheet.getDataRange();
  const formulas = range.getFormulas();
  const split = splitAtHeader(shownValues(range), formulas);
  return { ...split, sheet, width: range.getNumColumns(), input: { ...split.input, formulas: split.input.formulas ?? formulas } };
}
