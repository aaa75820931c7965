import type { CellValue } from './cell';
import { findHeaderRow, mapHeaders, type MappingResult, type SavedMapping } from './mapping';
import type { SheetInput } from './sheet-input';
import type { TemplateId } from './templates';
import type { SourceSystem } from './source-system';
import { checkLines, type OrgData, type CheckResult } from './rules';

export interface CheckOptions {
  template?: TemplateId | null;
  saved?: SavedMapping;
  defaultCountry?: string;
  /** What the organisation's source system lets an import change (Check refuses what Import would). */
  sourceSystem?: SourceSystem;
  org?: OrgData | null;
  /** Header texts never to map (the import's own results column). */
  reservedHeaders?: readonly string[];
}

export interface SplitGrid {
  /** Sheet row number of the header row. */
  headerRow: number;
  headers: CellValue[];
  input: SheetInput;
}

export interface RowsCheck {
  mapping: MappingResult;
  result: CheckResult;
}
export type GridCheck = SplitGrid & RowsCheck;

/** The header row (which need not be the first) and the data rows under it. */
export function splitAtHeader(values: CellValue[][], formulas?: string[][]): SplitGrid {
  const headerIndex = findHeaderRow(values);
  return {
    headerRow: headerIndex + 1,
    headers: values[headerIndex] ?? [],
    input: {
      rows: values.slice(headerIndex + 1),
      ...(formulas ? { formulas: formulas.slice(headerIndex + 1) } : {}),
      firstRow: headerIndex + 2,
      firstColumn: 0,
    },
  };
}

/** Maps the headers: the user's saved choices first, reserved headers never. */
export function mapWith(headers: readonly CellValue[], options: CheckOptions): MappingResult {
  const reserved = new Set(options.reservedHeaders ?? []);
  return mapHeaders(
    headers.map((h) => (typeof h === 'string' && reserved.has(h) ? '' : h)),
    {
      ...(options.template ? { template: options.template } : {}),
      ...(options.saved ? { saved: options.saved } : {}),
    },
  );
}

/** Maps the headers and checks the rows under them. */
export function checkRows(headers: readonly CellValue[], input: SheetInput, options: CheckOptions = {}): RowsCheck {
  const mapping = mapWith(headers, options);
  const result = checkLines(input, mapping.fieldColumns, {
    template: mapping.template,
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
    ...(options.sourceSystem ? { sourceSystem: options.sourceSystem } : {}),
    ...(options.org ? { org: options.org } : {}),
  });
  return { mapping, result };
}

/** A whole grid, as a CSV file gives it. */
export function checkGrid(values: CellValue[][], options: CheckOptions = {}): GridCheck {
  const split = splitAtHeader(values);
  return { ...split, ...checkRows(split.headers, split.input, options) };
}
