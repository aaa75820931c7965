import type { CellValue } from './cell';
import type { FieldId } from './fields';

/** The block of data rows under the header row, as read once from the sheet (or a CSV file). */
export interface SheetInput {
  rows: CellValue[][];
  /** Same shape as rows; "" where the cell holds no formula. Absent for CSV files. */
  formulas?: string[][];
  /** Sheet row number of rows[0]: the header row + 1. */
  firstRow: number;
  /** Sheet column index (0-based) of rows[*][0]; 0 when the block starts in column A. */
  firstColumn?: number;
}

/** Which column (index into a row of SheetInput.rows) feeds each mapped field. */
export type FieldColumns = Partial<Record<FieldId, number>>;

/** One sheet line once its cells were checked: the cleaned text of each filled field. */
export interface RowRecord {
  row: number;
  values: Partial<Record<FieldId, string>>;
  /** An error on the line keeps it out of the import. */
  blocked: boolean;
}
