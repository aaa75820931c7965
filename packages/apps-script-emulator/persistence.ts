import { type CellValue, isDate } from './cell';
import type { Layer } from './layer';
import type { PropertyStores } from './properties';
import { type ProtectionModel, SheetModel } from './sheet-model';
import type { ValidationRule } from './validation-rule';
import type { Workbook } from './workbook';

type Rows<T> = [number, T[]][];
type JsonCell = string | number | boolean | { date: string };

export interface SheetJson {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  columnWidths: [number, number][];
  /** Absent in files saved before columns could be hidden. */
  hiddenColumns?: number[];
  values: Rows<JsonCell>;
  formulas: Rows<string>;
  notes: Rows<string>;
  backgrounds: Rows<string>;
  fontWeights: Rows<string>;
  fontColors: Rows<string>;
  numberFormats: Rows<string>;
  /** Indexes into `rules`, -1 for none: one rule is usually shared by a whole column. */
  validations: Rows<number>;
  rules: ValidationRule[];
  protections: ProtectionModel[];
}

export interface EmulatorJson {
  version: 1;
  spreadsheet: {
    id: string;
    name: string;
    timeZone: string;
    activeSheetId: number;
    nextSheetId: number;
    sheets: SheetJson[];
  };
  properties: { user: Record<string, string>; document: Record<string, string>; script: Record<string, string> };
}

const STRING_LAYERS = ['formulas', 'notes', 'backgrounds', 'fontWeights', 'fontColors', 'numberFormats'] as const;

function mapRows<S, T>(rows: Rows<S>, map: (value: S) => T): Rows<T> {
  return rows.map(([r, cells]) => [r, cells.map(map)]);
}

function sheetToJson(sheet: SheetModel): SheetJson {
  const rules: ValidationRule[] = [];
  const ruleIndex = (rule: ValidationRule | null) => {
    if (rule === null) return -1;
    let at = rules.indexOf(rule);
    if (at < 0) at = rules.push(rule) - 1;
    return at;
  };
  const json = {
    id: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    columnWidths: [...sheet.columnWidths],
    hiddenColumns: [...sheet.hiddenColumns],
    values: mapRows(sheet.values.entries(), (v): JsonCell => (isDate(v) ? { date: v.toISOString() } : v)),
    validations: mapRows(sheet.validations.entries(), ruleIndex),
    rules,
    protections: sheet.protections.map((p) => ({ ...p, editors: [...p.editors] })),
  } as Partial<SheetJson> as SheetJson;
  for (const name of STRING_LAYERS) json[name] = (sheet[name] as Layer<string>).entries();
  return json;
}

function sheetFromJson(book: Workbook, json: SheetJson): SheetModel {
  const sheet = new SheetModel(book, json.id, json.name, json.maxRows, json.maxColumns);
  sheet.hidden = json.hidden;
  sheet.frozenRows = json.frozenRows;
  sheet.frozenColumns = json.frozenColumns;
  sheet.tabColor = json.tabColor;
  sheet.columnWidths = new Map(json.columnWidths);
  sheet.hiddenColumns = new Set(json.hiddenColumns ?? []);
  sheet.values.load(mapRows(json.values, (v): CellValue => (typeof v === 'object' ? new Date(v.date) : v)));
  sheet.validations.load(mapRows(json.validations, (i) => json.rules[i] ?? null));
  for (const name of STRING_LAYERS) (sheet[name] as Layer<string>).load(json[name]);
  sheet.protections = json.protections.map((p) => ({ ...p, editors: [...p.editors] }));
  return sheet;
}

export function toJson(book: Workbook, properties: PropertyStores): EmulatorJson {
  return {
    version: 1,
    spreadsheet: {
      id: book.id,
      name: book.name,
      timeZone: book.timeZone,
      activeSheetId: book.activeSheetId,
      nextSheetId: book.nextSheetId,
      sheets: book.sheets.map(sheetToJson),
    },
    properties: {
      user: Object.fromEntries(properties.user.entries),
      document: Object.fromEntries(properties.document.entries),
      script: Object.fromEntries(properties.script.entries),
    },
  };
}

/** Replaces the document and property stores in place, so services already handed out see the change. */
export function loadJson(book: Workbook, properties: PropertyStores, json: EmulatorJson): void {
  if (json.version !== 1) throw new Error(`Unsupported emulator state version: ${String(json.version)}`);
  const s = json.spreadsheet;
  book.id = s.id;
  book.name = s.name;
  book.timeZone = s.timeZone;
  book.nextSheetId = s.nextSheetId;
  book.sheets = s.sheets.map((sheet) => sheetFromJson(book, sheet));
  book.activeSheetId = s.activeSheetId;
  book.activeRange = null;
  for (const kind of ['user', 'document', 'script'] as const) {
    properties[kind].entries.clear();
    for (const [k, v] of Object.entries(json.properties[kind])) properties[kind].entries.set(k, v);
  }
}
