import { parseA1 } from './a1';
import type { ApiSubset } from './api-types';
import type { DocumentContext } from './document';
import { fail } from './exception';
import type { EmulatedProtection } from './protection';
import { checkedRect, EmulatedRange } from './range';
import { instrument, type Runtime } from './runtime';
import { EmulatedUser } from './session';
import { EmulatedSheet, protectionsOf } from './sheet';

type SpreadsheetMethods =
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSheet'
  | 'setSpreadsheetTimeZone';

export class EmulatedSpreadsheet implements ApiSubset<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  readonly rt: Runtime;

  constructor(readonly doc: DocumentContext) {
    this.rt = doc.rt;
  }

  getId(): string {
    return this.doc.book.id;
  }

  getName(): string {
    return this.doc.book.name;
  }

  rename(newName: string): void {
    this.doc.book.name = newName;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.doc.book.id}/edit`;
  }

  getOwner(): EmulatedUser {
    return new EmulatedUser(this.rt, this.doc.userEmail);
  }

  getEditors(): EmulatedUser[] {
    return [new EmulatedUser(this.rt, this.doc.userEmail)];
  }

  getSpreadsheetTimeZone(): string {
    return this.doc.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.doc.book.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  getSheets(): EmulatedSheet[] {
    return this.doc.book.sheets.map((model) => new EmulatedSheet(this.doc, model));
  }

  getNumSheets(): number {
    return this.doc.book.sheets.length;
  }

  getSheetByName(name: string): EmulatedSheet | null {
    const model = this.doc.book.findSheet(String(name));
    return model ? new EmulatedSheet(this.doc, model) : null;
  }

  getSheetById(id: number): EmulatedSheet | null {
    const model = this.doc.book.sheetById(id);
    return model ? new EmulatedSheet(this.doc, model) : null;
  }

  insertSheet(sheetIndex?: number): EmulatedSheet;
  insertSheet(sheetName: string, sheetIndex?: number): EmulatedSheet;
  insertSheet(nameOrIndex?: string | number, sheetIndex?: number): EmulatedSheet {
    const model = typeof nameOrIndex === 'number' ? this.doc.book.addSheet(undefined, nameOrIndex) : this.doc.book.addSheet(nameOrIndex, sheetIndex);
    return new EmulatedSheet(this.doc, model);
  }

  deleteSheet(sheet: EmulatedSheet): void {
    this.doc.book.removeSheet(sheet.model);
  }

  getActiveSheet(): EmulatedSheet {
    return new EmulatedSheet(this.doc, this.doc.book.activeSheet());
  }

  setActiveSheet(sheet: EmulatedSheet): EmulatedSheet {
    this.doc.book.activate(sheet.model);
    return sheet;
  }

  getActiveRange(): EmulatedRange {
    return activeRange(this.doc);
  }

  setActiveRange(range: EmulatedRange): EmulatedRange {
    this.doc.book.activate(range.model, range.rect);
    return range;
  }

  getRange(a1Notation: string): EmulatedRange {
    const book = this.doc.book;
    const { sheetName } = parseA1(a1Notation, 1, 1);
    const model = sheetName === null ? book.activeSheet() : book.findSheet(sheetName);
    if (!model) fail('Range not found');
    const { rect } = parseA1(a1Notation, model.maxRows, model.maxColumns);
    return new EmulatedRange(this.doc, model, checkedRect(model, rect.row, rect.column, rect.numRows, rect.numColumns));
  }

  getProtections(type: string): EmulatedProtection[] {
    return this.doc.book.sheets.flatMap((model) => protectionsOf(this.doc, model, type));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.doc.ui.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
}
instrument(EmulatedSpreadsheet, 'Spreadsheet');

/** The selection: the recorded one, else A1 of the active sheet (what a freshly opened sheet has). */
export function activeRange(doc: DocumentContext): EmulatedRange {
  const book = doc.book;
  const active = book.activeRange;
  const sheet = book.activeSheet();
  const rect = active && active.sheetId === sheet.id ? active.rect : { row: 1, column: 1, numRows: 1, numColumns: 1 };
  return new EmulatedRange(doc, sheet, rect);
}
