import type { GridRect } from './a1';
import { AUTOMATIC_FORMAT, type CellValue } from './cell';
import { fail } from './exception';
import { BLANK, evaluateFormula } from './formula';
import { type CellInput, convertWritten } from './input-conversion';
import { Layer } from './layer';
import { toSerial } from './time-zone';
import type { ValidationRule } from './validation-rule';

export interface ProtectionModel {
  type: 'SHEET' | 'RANGE';
  rect: GridRect | null; // null for a whole-sheet protection
  description: string;
  warningOnly: boolean;
  editors: string[];
}

/** What the sheet model needs from its spreadsheet (formulas may point at other sheets). */
export interface SheetHost {
  readonly timeZone: string;
  findSheet(name: string): SheetModel | null;
  makeDate(time: number): Date;
}

const MAX_CELL_CHARS = 50000;
// Formula evaluation is lazy and recursive; a cell met again while being evaluated is a cycle.
const evaluating = new Set<string>();

/** The cells and settings of one sheet, without any of the service-facing API. */
export class SheetModel {
  values = new Layer<CellValue>('');
  formulas = new Layer<string>('');
  notes = new Layer<string>('');
  backgrounds = new Layer<string>('#ffffff');
  fontWeights = new Layer<'bold' | 'normal'>('normal');
  fontColors = new Layer<string>('#000000');
  numberFormats = new Layer<string>(AUTOMATIC_FORMAT);
  validations = new Layer<ValidationRule | null>(null);
  protections: ProtectionModel[] = [];
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  /** Columns hidden by the user (1-based), moved with their column when columns are inserted or deleted. */
  hiddenColumns = new Set<number>();

  constructor(
    readonly host: SheetHost,
    readonly id: number,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  private layers(): Layer<unknown>[] {
    return [this.values, this.formulas, this.notes, this.backgrounds, this.fontWeights, this.fontColors, this.numberFormats, this.validations];
  }

  /** The value of a cell (0-based), formulas evaluated, dates shared (callers copy). */
  valueAt(row: number, column: number): CellValue {
    const formula = this.formulas.get(row, column);
    if (formula === '') return this.values.get(row, column);
    const key = `${this.id}:${row}:${column}`;
    if (evaluating.has(key)) return '#REF!';
    evaluating.add(key);
    try {
      return evaluateFormula(
        formula,
        (sheetName, r, c) => {
          const sheet = sheetName === null ? this : this.host.findSheet(sheetName);
          if (!sheet || r > sheet.maxRows || c > sheet.maxColumns) return '#REF!';
          const value = sheet.valueAt(r - 1, c - 1);
          return value === '' && sheet.formulas.get(r - 1, c - 1) === '' ? BLANK : value;
        },
        (date) => toSerial(date.getTime(), this.host.timeZone),
      );
    } finally {
      evaluating.delete(key);
    }
  }

  readValues(rect: GridRect): CellValue[][] {
    const { row, column, numRows, numColumns } = rect;
    const out = new Array<CellValue[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const r = row - 1 + i;
      const cells = this.values.rows[r];
      const withFormulas = this.formulas.rows[r] !== undefined;
      const line = new Array<CellValue>(numColumns);
      for (let j = 0; j < numColumns; j++) {
        const c = column - 1 + j;
        let value = withFormulas ? this.valueAt(r, c) : cells === undefined ? undefined : cells[c];
        if (value === undefined) value = '';
        else if (typeof value === 'object') value = this.host.makeDate(value.getTime());
        line[j] = value;
      }
      out[i] = line;
    }
    return out;
  }

  /** Stores a converted input, picking Sheets' automatic number format for dates and percents. */
  store(row: number, column: number, input: CellInput): void {
    if (typeof input.value === 'string' && input.value.length > MAX_CELL_CHARS) {
      fail(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    }
    this.values.set(row, column, input.value);
    this.formulas.set(row, column, input.formula);
    if (input.numberFormat !== null && this.numberFormats.get(row, column) === AUTOMATIC_FORMAT) {
      this.numberFormats.set(row, column, input.numberFormat);
    }
  }

  writeValues(row: number, column: number, data: readonly (readonly unknown[])[]): void {
    const timeZone = this.host.timeZone;
    for (let i = 0; i < data.length; i++) {
      const line = data[i] as readonly unknown[];
      const r = row - 1 + i;
      const hasFormulas = this.formulas.rows[r] !== undefined;
      for (let j = 0; j < line.length; j++) {
        const c = column - 1 + j;
        const value = line[j];
        // Numbers and booleans need no conversion: the common bulk write stays cheap.
        if ((typeof value === 'number' || typeof value === 'boolean') && !hasFormulas) {
          this.values.set(r, c, value);
        } else {
          this.store(r, c, convertWritten(value, this.numberFormats.get(r, c), timeZone));
        }
      }
    }
  }

  hasContent(row: number, column: number): boolean {
    return this.values.get(row, column) !== '' || this.formulas.get(row, column) !== '';
  }

  /** 1-based last row with a value or formula, 0 when the sheet is empty. */
  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow()) + 1;
  }

  lastColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn()) + 1;
  }

  clearContent(rect: GridRect): void {
    this.fill([this.values, this.formulas], rect);
  }

  clearFormat(rect: GridRect): void {
    this.fill([this.backgrounds, this.fontWeights, this.fontColors, this.numberFormats], rect);
  }

  fill(layers: Layer<unknown>[], rect: GridRect): void {
    for (const layer of layers) layer.fill(rect.row - 1, rect.column - 1, rect.numRows, rect.numColumns, layer.blank);
  }

  whole(): GridRect {
    return { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
  }

  insertRows(at: number, count: number): void {
    for (const layer of this.layers()) layer.insertRows(at, count);
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    for (const layer of this.layers()) layer.deleteRows(at, count);
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    for (const layer of this.layers()) layer.insertColumns(at, count);
    this.hiddenColumns = new Set([...this.hiddenColumns].map((c) => (c - 1 >= at ? c + count : c)));
    this.maxColumns += count;
  }

  deleteColumns(at: number, count: number): void {
    for (const layer of this.layers()) layer.deleteColumns(at, count);
    this.hiddenColumns = new Set([...this.hiddenColumns].filter((c) => c - 1 < at || c - 1 >= at + count).map((c) => (c - 1 >= at + count ? c - count : c)));
    this.maxColumns -= count;
  }
}
