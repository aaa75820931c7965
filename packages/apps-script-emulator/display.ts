import { AUTOMATIC_FORMAT, type CellValue, isDate } from './cell';
import { wallClock } from './time-zone';

/** A number as Sheets shows it under the automatic format. */
export function formatAutomaticNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const magnitude = Math.abs(n);
  if (magnitude >= 1e15 || (magnitude !== 0 && magnitude < 1e-9)) {
    const [mantissa = '', exponent = ''] = n.toExponential(5).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    return `${trimmed}E${exponent}`;
  }
  if (Number.isInteger(n)) return String(n);
  const rounded = Number(n.toPrecision(10));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  const decimals = Math.min(20, 9 - Math.floor(Math.log10(magnitude)));
  return rounded.toFixed(decimals).replace(/\.?0+$/, '');
}

const NUMERIC_FORMAT = /^([#0,]+)(?:\.([0#]+))?(%?)$/;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatWithPattern(n: number, pattern: string): string | null {
  const m = NUMERIC_FORMAT.exec(pattern);
  if (!m) return null;
  const [, integerPart = '', fraction = '', percent] = m;
  const x = percent ? n * 100 : n;
  const minFraction = fraction.replace(/#/g, '').length;
  let text = Math.abs(x).toFixed(fraction.length);
  if (fraction.length > minFraction) {
    text = text.replace(new RegExp(`0{0,${fraction.length - minFraction}}$`), '').replace(/\.$/, '');
  }
  const [intDigits = '', fracDigits] = text.split('.');
  let whole = intDigits.padStart(integerPart.replace(/[#,]/g, '').length, '0');
  if (integerPart.replace(/,/g, '').replace(/#/g, '') === '' && whole === '0') whole = '';
  if (integerPart.includes(',')) whole = groupThousands(whole);
  const sign = x < 0 && Number(text) !== 0 ? '-' : '';
  return `${sign}${whole}${fracDigits ? `.${fracDigits}` : ''}${percent}`;
}

const DATE_TOKEN = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|\\.|./gi;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function isDatePattern(pattern: string): boolean {
  return /[dy]|h|s/i.test(pattern.replace(/"[^"]*"/g, '')) && !/[0#]/.test(pattern);
}

/** Renders a date with a Sheets number format (`m` means minutes next to `h` or `s`, as in Sheets). */
export function formatSheetsDate(date: Date, pattern: string, timeZone: string): string {
  const w = wallClock(date.getTime(), timeZone);
  const tokens = pattern.match(DATE_TOKEN) ?? [];
  const isField = (t: string) => /^[ymdhs]/i.test(t);
  const twelveHour = tokens.some((t) => t.toLowerCase() === 'am/pm');
  const pad = (n: number) => String(n).padStart(2, '0');
  return tokens
    .map((token, i) => {
      const lower = token.toLowerCase();
      if (lower === 'm' || lower === 'mm') {
        const prev = tokens.slice(0, i).reverse().find(isField)?.toLowerCase();
        const next = tokens
          .slice(i + 1)
          .find(isField)
          ?.toLowerCase();
        const minutes = prev?.startsWith('h') || next?.startsWith('s');
        const n = minutes ? w.minute : w.month;
        return lower === 'mm' ? pad(n) : String(n);
      }
      const hour = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
      switch (lower) {
        case 'yyyy':
          return String(w.year);
        case 'yy':
          return pad(w.year % 100);
        case 'mmmm':
          return MONTHS[w.month - 1] ?? '';
        case 'mmm':
          return (MONTHS[w.month - 1] ?? '').slice(0, 3);
        case 'dddd':
          return DAYS[w.weekday] ?? '';
        case 'ddd':
          return (DAYS[w.weekday] ?? '').slice(0, 3);
        case 'dd':
          return pad(w.day);
        case 'd':
          return String(w.day);
        case 'hh':
          return pad(hour);
        case 'h':
          return String(hour);
        case 'ss':
          return pad(w.second);
        case 's':
          return String(w.second);
        case 'am/pm':
          return w.hour < 12 ? 'AM' : 'PM';
      }
      if (token.startsWith('"')) return token.slice(1, -1);
      if (token.startsWith('\\')) return token.slice(1);
      return token;
    })
    .join('');
}

/** The text Sheets shows for a cell (what `getDisplayValues` returns). */
export function displayValue(value: CellValue, numberFormat: string, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    if (isDatePattern(numberFormat)) return formatSheetsDate(value, numberFormat, timeZone);
    const w = wallClock(value.getTime(), timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    return formatSheetsDate(value, midnight ? 'm/d/yyyy' : 'm/d/yyyy h:mm:ss', timeZone);
  }
  if (numberFormat === AUTOMATIC_FORMAT) return formatAutomaticNumber(value);
  return formatWithPattern(value, numberFormat) ?? formatAutomaticNumber(value);
}
