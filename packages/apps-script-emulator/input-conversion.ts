import { type CellValue, isDate, PLAIN_TEXT_FORMAT } from './cell';
import { fromWallClock } from './time-zone';

export interface CellInput {
  value: CellValue;
  formula: string; // "" when none
  numberFormat: string | null; // the format Sheets picks for the input, null to keep the cell's
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?$/i;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function plain(value: CellValue): CellInput {
  return { value, formula: '', numberFormat: null };
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What Sheets stores when someone types `input` (or a script writes the string): numbers,
 * booleans, dates and formulas are recognised unless the cell is formatted as plain text.
 */
export function convertTyped(input: string, cellFormat: string, timeZone: string): CellInput {
  if (cellFormat === PLAIN_TEXT_FORMAT || input === '') return plain(input);
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input, numberFormat: null };
  // A leading apostrophe is Sheets' "keep as text" marker and is not part of the value.
  if (input.startsWith("'")) return plain(input.slice(1));
  const text = input.trim();
  // Most imported text (names, emails) cannot be a number, boolean or date: skip the patterns.
  if (!/^[\d+\-.tf]/i.test(text)) return plain(input);
  if (/\d/.test(text) && NUMBER.test(text)) return plain(Number(text.replace(/,/g, '')));
  const percent = PERCENT.exec(text);
  if (percent) {
    return { value: Number(percent[1]) / 100, formula: '', numberFormat: percent[1]?.includes('.') ? '0.00%' : '0%' };
  }
  if (/^(true|false)$/i.test(text)) return plain(text.toLowerCase() === 'true');
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [y, m, d, hh, mm, ss] = iso.slice(1).map((p) => (p === undefined ? undefined : Number(p)));
    if (validDay(y!, m!, d!) && (hh ?? 0) < 24) {
      const time = fromWallClock(timeZone, y!, m!, d!, hh ?? 0, mm ?? 0, ss ?? 0);
      return { value: new Date(time), formula: '', numberFormat: hh === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd h:mm:ss' };
    }
  }
  const us = US_DATE.exec(text);
  if (us) {
    const [m, d, y] = us.slice(1).map(Number);
    if (validDay(y!, m!, d!)) return { value: new Date(fromWallClock(timeZone, y!, m!, d!)), formula: '', numberFormat: 'M/d/yyyy' };
  }
  return plain(input);
}

/** What Sheets stores for a value written by `setValue(s)`: strings convert, other types are kept. */
export function convertWritten(value: unknown, cellFormat: string, timeZone: string): CellInput {
  if (value === null || value === undefined) return plain('');
  if (typeof value === 'string') return convertTyped(value, cellFormat, timeZone);
  if (typeof value === 'number' || typeof value === 'boolean') return plain(value);
  if (isDate(value)) return plain(new Date(value.getTime()));
  return convertTyped(String(value), cellFormat, timeZone);
}
