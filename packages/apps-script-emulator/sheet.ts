import { parseA1 } from './a1';
import type { ApiSubset } from './api-types';
import { normalizeColor } from './colors';
import type { DocumentContext } from './document';
import { fail } from './exception';
import { EmulatedProtection } from './protection';
import { checkedRect, clearWithOptions, EmulatedRange } from './range';
import { instrument, type Runtime } from './runtime';
import type { SheetModel } from './sheet-model';
import { EmulatedSpreadsheet } from './spreadsheet';

type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'protect'
  | 'setColumnWidth'
  | 'hideColumns'
  | 'showColumns'
  | 'isColumnHiddenByUser'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet';

const DEFAULT_COLUMN_WIDTH = 100;

export class EmulatedSheet implements ApiSubset<GoogleAppsScript.Spreadsheet.Sheet, SheetMethods> {
  readonly rt: Runtime;

  constructor(
    readonly doc: DocumentContext,
    readonly model: SheetModel,
  ) {
    this.rt = doc.rt;
  }

  getName(): string {
    return this.model.name;
  }

  getSheetName(): string {
    return this.model.name;
  }

  setName(name: string): EmulatedSheet {
    this.doc.book.assertNameFree(name, this.model);
    this.model.name = name;
    return this;
  }

  getSheetId(): number {
    return this.model.id;
  }

  getIndex(): number {
    return this.doc.book.sheets.indexOf(this.model) + 1;
  }

  getParent(): EmulatedSpreadsheet {
    return new EmulatedSpreadsheet(this.doc);
  }

  getRange(row: number, column: number, numRows?: number, numColumns?: number): EmulatedRange;
  getRange(a1Notation: string): EmulatedRange;
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): EmulatedRange {
    if (typeof rowOrA1 === 'string') {
      const { rect } = parseA1(rowOrA1, this.model.maxRows, this.model.maxColumns);
      return new EmulatedRange(this.doc, this.model, checkedRect(this.model, rect.row, rect.column, rect.numRows, rect.numColumns));
    }
    if (column === undefined) fail("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return new EmulatedRange(this.doc, this.model, checkedRect(this.model, rowOrA1, column, numRows, numColumns));
  }

  getDataRange(): EmulatedRange {
    const rect = { row: 1, column: 1, numRows: Math.max(1, this.model.lastRow()), numColumns: Math.max(1, this.model.lastColumn()) };
    return new EmulatedRange(this.doc, this.model, rect);
  }

  getLastRow(): number {
    return this.model.lastRow();
  }

  getLastColumn(): number {
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): EmulatedSheet {
    insertRows(this.model, afterPosition, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): EmulatedSheet {
    insertRows(this.model, beforePosition - 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): EmulatedSheet {
    insertRows(this.model, afterPosition, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): EmulatedSheet {
    insertRows(this.model, beforePosition - 1, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): EmulatedSheet {
    insertColumns(this.model, afterPosition, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): EmulatedSheet {
    insertColumns(this.model, beforePosition - 1, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): EmulatedSheet {
    insertColumns(this.model, afterPosition, 1);
    return this;
  }

  insertColumnBefore(beforePosition: number): EmulatedSheet {
    insertColumns(this.model, beforePosition - 1, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    deleteRows(this.model, rowPosition, howMany);
  }

  deleteRow(rowPosition: number): EmulatedSheet {
    deleteRows(this.model, rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    deleteColumns(this.model, columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): EmulatedSheet {
    deleteColumns(this.model, columnPosition, 1);
    return this;
  }

  appendRow(rowContents: unknown[]): EmulatedSheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      fail("The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    }
    const row = this.model.lastRow() + 1;
    // Appending past the last row grows the sheet, as Sheets does.
    if (row > this.model.maxRows) this.model.maxRows = row;
    if (rowContents.length > this.model.maxColumns) this.model.maxColumns = rowContents.length;
    this.model.writeValues(row, 1, [rowContents]);
    return this;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): EmulatedSheet {
    clearWithOptions(this.model, this.model.whole(), options);
    return this;
  }

  clearContents(): EmulatedSheet {
    this.model.clearContent(this.model.whole());
    return this;
  }

  clearFormats(): EmulatedSheet {
    this.model.clearFormat(this.model.whole());
    return this;
  }

  clearNotes(): EmulatedSheet {
    this.model.fill([this.model.notes], this.model.whole());
    return this;
  }

  hideSheet(): EmulatedSheet {
    this.doc.book.hide(this.model);
    return this;
  }

  showSheet(): EmulatedSheet {
    this.model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  activate(): EmulatedSheet {
    this.doc.book.activate(this.model);
    return this;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.model.maxRows) fail('Sorry, it is not possible to freeze all rows.');
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this.model.maxColumns) fail('Sorry, it is not possible to freeze all columns.');
    this.model.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): EmulatedSheet {
    checkedRect(this.model, 1, columnPosition);
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): EmulatedSheet {
    checkedRect(this.model, 1, startColumn, 1, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  hideColumns(columnIndex: number, numColumns = 1): EmulatedSheet {
    checkedRect(this.model, 1, columnIndex, 1, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.add(c);
    return this;
  }

  showColumns(columnIndex: number, numColumns = 1): EmulatedSheet {
    checkedRect(this.model, 1, columnIndex, 1, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.delete(c);
    return this;
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    checkedRect(this.model, 1, columnPosition);
    return this.model.hiddenColumns.has(columnPosition);
  }

  // Widths fitted to content need text metrics: bounds are checked, widths are left as they are.
  autoResizeColumns(startColumn: number, numColumns: number): EmulatedSheet {
    checkedRect(this.model, 1, startColumn, 1, numColumns);
    return this;
  }

  autoResizeColumn(columnPosition: number): EmulatedSheet {
    checkedRect(this.model, 1, columnPosition);
    return this;
  }

  setTabColor(color: string | null): EmulatedSheet {
    this.model.tabColor = color === null || color === '' ? null : normalizeColor(color, '');
    return this;
  }

  getTabColor(): string | null {
    return this.model.tabColor;
  }

  protect(): EmulatedProtection {
    let model = this.model.protections.find((p) => p.type === 'SHEET');
    if (!model) {
      model = { type: 'SHEET', rect: null, description: '', warningOnly: false, editors: [this.doc.userEmail] };
      this.model.protections.push(model);
    }
    return new EmulatedProtection(this.doc, this.model, model);
  }

  getProtections(type: string): EmulatedProtection[] {
    return protectionsOf(this.doc, this.model, type);
  }
}
instrument(EmulatedSheet, 'Sheet');

export function protectionsOf(doc: DocumentContext, sheet: SheetModel, type: string): EmulatedProtection[] {
  return sheet.protections.filter((p) => p.type === String(type)).map((p) => new EmulatedProtection(doc, sheet, p));
}

function insertRows(sheet: SheetModel, after: number, howMany: number): void {
  if (after < 0 || after > sheet.maxRows) fail('Those rows are out of bounds.');
  if (howMany < 1) fail('The number of rows to insert must be at least 1.');
  sheet.insertRows(after, howMany);
}

function insertColumns(sheet: SheetModel, after: number, howMany: number): void {
  if (after < 0 || after > sheet.maxColumns) fail('Those columns are out of bounds.');
  if (howMany < 1) fail('The number of columns to insert must be at least 1.');
  sheet.insertColumns(after, howMany);
}

function deleteRows(sheet: SheetModel, rowPosition: number, howMany: number): void {
  checkedRect(sheet, rowPosition, 1, howMany, 1);
  if (howMany >= sheet.maxRows - sheet.frozenRows) fail('Sorry, it is not possible to delete all non-frozen rows.');
  sheet.deleteRows(rowPosition - 1, howMany);
}

function deleteColumns(sheet: SheetModel, columnPosition: number, howMany: number): void {
  checkedRect(sheet, 1, columnPosition, 1, howMany);
  if (howMany >= sheet.maxColumns - sheet.frozenColumns) fail('Sorry, it is not possible to delete all non-frozen columns.');
  sheet.deleteColumns(columnPosition - 1, howMany);
}
