import { z } from 'zod';

/** What a spreadsheet cell holds as `Range.getValues()` gives it (CSV files give strings only). */
export const cellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.date()]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const isBlank = (value: CellValue | null | undefined): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Formula error values Sheets shows in a cell; they never make a valid field value. */
export const FORMULA_ERRORS = ['#N/A', '#REF!', '#VALUE!', '#NAME?', '#DIV/0!', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!'];

export function cellText(value: CellValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return isoDate(value);
}

/** Integers print without exponent (1e21 would otherwise print as "1e+21"). */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

export function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}
