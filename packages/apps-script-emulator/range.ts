import { type GridRect, toA1 } from './a1';
import type { ApiSubset } from './api-types';
import { type CellValue, PLAIN_TEXT_FORMAT } from './cell';
import { normalizeColor } from './colors';
import { EmulatedDataValidation, ruleOf } from './data-validation';
import { displayValue } from './display';
import type { DocumentContext } from './document';
import { fail } from './exception';
import { convertWritten } from './input-conversion';
import type { Layer } from './layer';
import { EmulatedProtection } from './protection';
import { instrument, type Runtime } from './runtime';
import { EmulatedSheet } from './sheet';
import type { SheetModel } from './sheet-model';
import type { ValidationRule } from './validation-rule';

type FontWeight = 'bold' | 'normal';

type RangeMethods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap';

/** Checks a 1-based rectangle against the sheet with the texts Apps Script uses. */
export function checkedRect(sheet: SheetModel, row: number, column: number, numRows = 1, numColumns = 1): GridRect {
  if (row < 1) fail('The starting row of the range is too small.');
  if (column < 1) fail('The starting column of the range is too small.');
  if (numRows < 1) fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) fail('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows) fail('Those rows are out of bounds.');
  if (column + numColumns - 1 > sheet.maxColumns) fail('Those columns are out of bounds.');
  return { row: Math.trunc(row), column: Math.trunc(column), numRows: Math.trunc(numRows), numColumns: Math.trunc(numColumns) };
}

function describeArgument(value: unknown): string {
  if (Array.isArray(value)) return `${value.length > 0 && !Array.isArray(value[0]) ? describeArgument(value[0]) : 'Object'}[]`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/** The exact-dimensions rule of setValues, setBackgrounds, setNotes... */
function checkGrid<T>(data: T[][], rect: GridRect, method: string): T[][] {
  if (!Array.isArray(data) || !data.every(Array.isArray)) {
    fail(`The parameters (${describeArgument(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (data.length !== rect.numRows) {
    fail(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`);
  }
  for (const line of data) {
    if (line.length !== rect.numColumns) {
      fail(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${rect.numColumns}.`);
    }
  }
  return data;
}

export class EmulatedRange implements ApiSubset<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  readonly rt: Runtime;

  constructor(
    readonly doc: DocumentContext,
    readonly model: SheetModel,
    readonly rect: GridRect,
  ) {
    this.rt = doc.rt;
  }

  getValues(): CellValue[][] {
    return this.model.readValues(this.rect);
  }

  getValue(): CellValue {
    return this.model.readValues({ ...this.rect, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
  }

  setValues(values: unknown[][]): EmulatedRange {
    this.model.writeValues(this.rect.row, this.rect.column, checkGrid(values, this.rect, 'setValues'));
    return this;
  }

  setValue(value: unknown): EmulatedRange {
    const { row, column, numRows, numColumns } = this.rect;
    for (let r = row - 1; r < row - 1 + numRows; r++) {
      for (let c = column - 1; c < column - 1 + numColumns; c++) {
        this.model.store(r, c, convertWritten(value, this.model.numberFormats.get(r, c), this.doc.book.timeZone));
      }
    }
    return this;
  }

  getDisplayValues(): string[][] {
    return displayGrid(this);
  }

  getDisplayValue(): string {
    return displayGrid(this, true)[0]?.[0] ?? '';
  }

  getFormulas(): string[][] {
    return read(this, this.model.formulas);
  }

  getFormula(): string {
    return this.model.formulas.get(this.rect.row - 1, this.rect.column - 1);
  }

  setFormulas(formulas: string[][]): EmulatedRange {
    this.model.writeValues(
      this.rect.row,
      this.rect.column,
      checkGrid(formulas, this.rect, 'setFormulas').map((line) => line.map(asFormulaInput)),
    );
    return this;
  }

  setFormula(formula: string): EmulatedRange {
    const { numRows, numColumns } = this.rect;
    const input = asFormulaInput(formula);
    this.model.writeValues(
      this.rect.row,
      this.rect.column,
      Array.from({ length: numRows }, () => new Array<string>(numColumns).fill(input)),
    );
    return this;
  }

  getBackgrounds(): string[][] {
    return read(this, this.model.backgrounds);
  }

  getBackground(): string {
    return first(this, this.model.backgrounds);
  }

  setBackgrounds(color: (string | null)[][]): EmulatedRange {
    const layer = this.model.backgrounds;
    write(this, layer, checkGrid(color, this.rect, 'setBackgrounds'), (c) => normalizeColor(c, layer.blank));
    return this;
  }

  setBackground(color: string | null): EmulatedRange {
    fill(this, this.model.backgrounds, normalizeColor(color, this.model.backgrounds.blank));
    return this;
  }

  getNotes(): string[][] {
    return read(this, this.model.notes);
  }

  getNote(): string {
    return first(this, this.model.notes);
  }

  setNotes(notes: (string | null)[][]): EmulatedRange {
    write(this, this.model.notes, checkGrid(notes, this.rect, 'setNotes'), (n) => (n === null || n === undefined ? '' : String(n)));
    return this;
  }

  setNote(note: string | null): EmulatedRange {
    fill(this, this.model.notes, note === null || note === undefined ? '' : String(note));
    return this;
  }

  clearNote(): EmulatedRange {
    this.model.fill([this.model.notes], this.rect);
    return this;
  }

  getFontWeights(): FontWeight[][] {
    return read(this, this.model.fontWeights);
  }

  getFontWeight(): FontWeight {
    return first(this, this.model.fontWeights);
  }

  setFontWeights(fontWeights: (FontWeight | null)[][]): EmulatedRange {
    write(this, this.model.fontWeights, checkGrid(fontWeights, this.rect, 'setFontWeights'), (w) => w ?? 'normal');
    return this;
  }

  setFontWeight(fontWeight: FontWeight | null): EmulatedRange {
    fill(this, this.model.fontWeights, fontWeight ?? 'normal');
    return this;
  }

  getFontColor(): string {
    return first(this, this.model.fontColors);
  }

  setFontColor(color: string | null): EmulatedRange {
    fill(this, this.model.fontColors, normalizeColor(color, this.model.fontColors.blank));
    return this;
  }

  getNumberFormats(): string[][] {
    return read(this, this.model.numberFormats);
  }

  getNumberFormat(): string {
    return first(this, this.model.numberFormats);
  }

  setNumberFormats(numberFormats: string[][]): EmulatedRange {
    write(this, this.model.numberFormats, checkGrid(numberFormats, this.rect, 'setNumberFormats'), String);
    return this;
  }

  setNumberFormat(numberFormat: string): EmulatedRange {
    fill(this, this.model.numberFormats, String(numberFormat));
    return this;
  }

  getDataValidations(): (EmulatedDataValidation | null)[][] {
    return read(this, this.model.validations).map((line) => line.map((rule) => (rule ? new EmulatedDataValidation(this.rt, rule) : null)));
  }

  getDataValidation(): EmulatedDataValidation | null {
    const rule = first(this, this.model.validations);
    return rule ? new EmulatedDataValidation(this.rt, rule) : null;
  }

  setDataValidations(rules: (EmulatedDataValidation | null)[][]): EmulatedRange {
    write(this, this.model.validations, checkGrid(rules, this.rect, 'setDataValidations'), (rule) => (rule ? ruleOf(rule) : null));
    return this;
  }

  setDataValidation(rule: EmulatedDataValidation | null): EmulatedRange {
    fill(this, this.model.validations, rule ? ruleOf(rule) : null);
    return this;
  }

  clearDataValidations(): EmulatedRange {
    this.model.fill([this.model.validations], this.rect);
    return this;
  }

  insertCheckboxes(): EmulatedRange {
    const rule: ValidationRule = { criteria: 'CHECKBOX', args: [], allowInvalid: false, helpText: '' };
    fill(this, this.model.validations, rule);
    fill(this, this.model.values, false);
    this.model.fill([this.model.formulas], this.rect);
    return this;
  }

  clearContent(): EmulatedRange {
    this.model.clearContent(this.rect);
    return this;
  }

  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): EmulatedRange {
    clearWithOptions(this.model, this.rect, options);
    return this;
  }

  clearFormat(): EmulatedRange {
    this.model.clearFormat(this.rect);
    return this;
  }

  getRow(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.column;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numColumns;
  }

  getHeight(): number {
    return this.rect.numRows;
  }

  getWidth(): number {
    return this.rect.numColumns;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }

  getA1Notation(): string {
    return toA1(this.rect);
  }

  getGridId(): number {
    return this.model.id;
  }

  getSheet(): EmulatedSheet {
    return new EmulatedSheet(this.doc, this.model);
  }

  activate(): EmulatedRange {
    this.doc.book.activate(this.model, this.rect);
    return this;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmulatedRange {
    const rect = checkedRect(this.model, this.rect.row + rowOffset, this.rect.column + columnOffset, numRows ?? this.rect.numRows, numColumns ?? this.rect.numColumns);
    return new EmulatedRange(this.doc, this.model, rect);
  }

  getCell(row: number, column: number): EmulatedRange {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) fail('Cell reference out of range');
    return new EmulatedRange(this.doc, this.model, { row: this.rect.row + row - 1, column: this.rect.column + column - 1, numRows: 1, numColumns: 1 });
  }

  isBlank(): boolean {
    const { row, column, numRows, numColumns } = this.rect;
    for (let r = row - 1; r < row - 1 + numRows; r++) {
      for (let c = column - 1; c < column - 1 + numColumns; c++) if (this.model.hasContent(r, c)) return false;
    }
    return true;
  }

  protect(): EmulatedProtection {
    const model = { type: 'RANGE' as const, rect: this.rect, description: '', warningOnly: false, editors: [this.doc.userEmail] };
    this.model.protections.push(model);
    return new EmulatedProtection(this.doc, this.model, model);
  }

  // Formatting the emulator does not keep: accepted so that add-on code runs unchanged.
  setWrap(isWrapEnabled: boolean): EmulatedRange {
    void isWrapEnabled;
    return this;
  }

  setHorizontalAlignment(alignment: string | null): EmulatedRange {
    void alignment;
    return this;
  }

  setVerticalAlignment(alignment: string | null): EmulatedRange {
    void alignment;
    return this;
  }
}
instrument(EmulatedRange, 'Range');

// Helpers outside the class: calling public methods internally would count as extra calls.

function read<T>(range: EmulatedRange, layer: Layer<T>): T[][] {
  const { row, column, numRows, numColumns } = range.rect;
  return layer.read(row - 1, column - 1, numRows, numColumns);
}

function first<T>(range: EmulatedRange, layer: Layer<T>): T {
  return layer.get(range.rect.row - 1, range.rect.column - 1);
}

function write<S, T>(range: EmulatedRange, layer: Layer<T>, data: S[][], map: (value: S) => T): void {
  layer.write(range.rect.row - 1, range.rect.column - 1, data, map);
}

function fill<T>(range: EmulatedRange, layer: Layer<T>, value: T): void {
  const { row, column, numRows, numColumns } = range.rect;
  layer.fill(row - 1, column - 1, numRows, numColumns, value);
}

function displayGrid(range: EmulatedRange, topLeftOnly = false): string[][] {
  const rect = topLeftOnly ? { ...range.rect, numRows: 1, numColumns: 1 } : range.rect;
  const values = range.model.readValues(rect);
  const formats = range.model.numberFormats.read(rect.row - 1, rect.column - 1, rect.numRows, rect.numColumns);
  const timeZone = range.doc.book.timeZone;
  return values.map((line, i) => line.map((value, j) => displayValue(value, formats[i]?.[j] ?? PLAIN_TEXT_FORMAT, timeZone)));
}

/** setFormula("x") stores x like a typed value; an empty formula clears the cell. */
function asFormulaInput(formula: string): string {
  return formula === null || formula === undefined ? '' : String(formula);
}

export function clearWithOptions(
  model: SheetModel,
  rect: GridRect,
  options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean },
): void {
  const only = options && (options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly);
  if (!only || options.contentsOnly) model.clearContent(rect);
  if (!only || options.formatOnly) model.clearFormat(rect);
  if (options?.commentsOnly) model.fill([model.notes], rect);
  if (options?.validationsOnly) model.fill([model.validations], rect);
}
