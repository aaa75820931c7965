import * as z from './zod';

/**
 * What a spreadsheet cell holds as `Range.getValues()` gives it (CSV files give strings only). A
 * Date's UTC fields are the day and time the cell shows (see wallClockRows): the adapters convert
 * Apps Script's instants once, so every text made from a date is the day the user sees.
 */
export const cellValueSchema = z.deferred(() => z.union([z.string(), z.number(), z.boolean(), z.date()]));
export type CellValue = z.infer<typeof cellValueSchema>;

export const isBlank = (value: CellValue | null | undefined): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

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

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockOf(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/**
 * An instant as the spreadsheet shows it: a Date whose UTC fields are the wall-clock time in
 * `timeZone` (midnight on 31 January in Paris is 23:00 UTC on the 30th; this gives 00:00 on the 31st).
 */
export function wallClock(date: Date, timeZone: string): Date {
  const time = date.getTime();
  if (Number.isNaN(time)) return date;
  const parts: Record<string, number> = {};
  for (const part of clockOf(timeZone).formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const shown = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return new Date(shown + (((time % 1000) + 1000) % 1000));
}

/** Turns, in place, each Date of rows read from a sheet in `timeZone` into its wall-clock time. */
export function wallClockRows(rows: CellValue[][], timeZone: string): CellValue[][] {
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value instanceof Date) row[c] = wallClock(value, timeZone);
    }
  }
  return rows;
}
