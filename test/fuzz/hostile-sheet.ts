import { FIELD_IDS, field } from '../../src/engine/fields';

/**
 * Seeded generators of hostile sheets, as a new user's paste can make them: long pasted texts,
 * control and bidirectional characters, text Sheets turns into numbers, booleans and dates,
 * duplicate, empty and odd headers, blank rows and columns before the table, very wide tables.
 * Every sheet is written as strings, the way a paste or a CSV file gives them: Sheets' own
 * conversions make the typed values.
 */

/** A deterministic pseudo-random sequence (mulberry32), so a failing seed can be replayed. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Next = () => number;
const pick = <T>(next: Next, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const int = (next: Next, min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

/** Characters that break naive text handling: controls, bidi overrides, zero-width, astral, combining. */
const NASTY = [
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2067',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u00a0',
  '\u2007',
  '\u202f',
  '\u3000',
  '\u0301',
  '\u0338',
  '\ud83d\ude00',
  '\ud83c\uddeb\ud83c\uddf7',
  '\ud800',
  '\udfff',
  '\uffff',
  '\ufffd',
];
const WORDS = [
  'Paris',
  'Müller',
  'Société Générale',
  'عربي',
  'עברית',
  '日本語',
  'Ωμέγα',
  'Zoë',
  'İstanbul',
  'ß',
  'ﬁ',
  'a@b.co',
  'gmial.com',
  '+33',
  '#N/A',
  'Frnace',
  'Accountnig',
  'Standrad',
];

/** Text Sheets converts on paste: numbers, booleans, dates, percentages, formulas' errors. */
const TYPED = [
  'TRUE',
  'false',
  'VRAI',
  '0',
  '1',
  '01234',
  '75008',
  '1e5',
  '3.36123E+10',
  '33612345678',
  '12/03/2024',
  '2024-03-12',
  '3/4',
  '45%',
  '€12,50',
  '-0',
  '1,234.5',
  '#REF!',
  '#DIV/0!',
];

/** Values a real sheet holds, so the rules past the damage checks run too. */
const PLAUSIBLE = [
  'France',
  'Allemagne',
  'FR',
  'DE',
  'Frnace',
  'Germnay',
  'Royaume Uni',
  'jane@acme.fr',
  'paul@martin',
  'jo@gmial.com',
  'a@b@c.fr',
  'FR40303265045',
  'DE136695976',
  '75008',
  '1234',
  'SW1A 2AA',
  '+33 6 12 34 56 78',
  '06 12',
  'Accounting',
  'Boss',
  'Acheteur',
  'Standard',
  'Standrad',
  'camille.dubois@example.com',
  'camile.dubois@example.com',
  'C-1001',
  'Acme',
  'Acme SAS',
  'x, y; z',
];

function unicodeText(next: Next, length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const roll = next();
    const part =
      roll < 0.3
        ? pick(next, NASTY)
        : roll < 0.6
          ? pick(next, WORDS)
          : roll < 0.75
            ? ' '.repeat(int(next, 1, 3))
            : String.fromCodePoint(int(next, 0x20, next() < 0.7 ? 0x7e : 0x2fff));
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, length);
}

/** A long pasted text: a paragraph repeated, with nasty characters sprinkled in. */
export function pastedText(next: Next, length: number): string {
  const paragraph = `${unicodeText(next, 200)} Lorem ipsum dolor sit amet, consectetur adipiscing elit. `;
  return paragraph.repeat(Math.ceil(length / paragraph.length)).slice(0, length);
}

function cell(next: Next, longCell: number): string {
  const roll = next();
  if (roll < 0.12) return '';
  if (roll < 0.3) return pick(next, TYPED);
  if (roll < 0.55) return pick(next, PLAUSIBLE);
  if (roll < 0.85) return unicodeText(next, int(next, 1, 40));
  return pastedText(next, int(next, 200, longCell));
}

/** Headers people write: field labels and aliases, French, duplicates, empty, odd and very long ones. */
function header(next: Next, longCell: number): string {
  const roll = next();
  const id = pick(next, FIELD_IDS);
  if (roll < 0.55) return field(id).label;
  if (roll < 0.7) return pick(next, field(id).aliases.length ? field(id).aliases : [field(id).label]);
  if (roll < 0.78) return '';
  if (roll < 0.86) return field(id).label.toUpperCase().replace('E', 'É');
  if (roll < 0.94) return unicodeText(next, int(next, 1, 30));
  return pastedText(next, int(next, 100, longCell));
}

export interface HostileOptions {
  /** Data lines under the header. */
  lines: number;
  /** Columns of the table. */
  columns: number;
  /** The longest pasted text a cell may hold (Sheets' limit is 50,000 characters). */
  longCell?: number;
  /** Blank rows and columns before the table (a title line counts as a row). */
  top?: number;
  left?: number;
}

export interface HostileSheet {
  /** The pasted block, blank rows and columns before the table included. */
  rows: string[][];
  /** Sheet row of the header and the number of data lines under it. */
  headerRow: number;
  lines: number;
  /** Columns of the block (the table's plus those left of it). */
  width: number;
}

/** A sheet of `lines` hostile lines; same seed, same sheet. */
export function hostileSheet(seed: number, options: HostileOptions): HostileSheet {
  const next = random(seed);
  const longCell = options.longCell ?? 3000;
  const top = options.top ?? 0;
  const left = options.left ?? 0;
  const pad = (cells: string[]): string[] => [...Array<string>(left).fill(''), ...cells];
  const rows: string[][] = [];
  for (let r = 0; r < top; r++) rows.push(pad(Array<string>(options.columns).fill('')));
  if (top > 0) rows[0]![left] = unicodeText(next, 30);
  rows.push(pad(Array.from({ length: options.columns }, () => header(next, longCell))));
  for (let r = 0; r < options.lines; r++) {
    // Some lines blank, as between the blocks of a real sheet.
    rows.push(pad(next() < 0.05 ? Array<string>(options.columns).fill('') : Array.from({ length: options.columns }, () => cell(next, longCell))));
  }
  return { rows, headerRow: top + 1, lines: options.lines, width: left + options.columns };
}

/**
 * The benchmark's worst case: a clean customers table whose postal code, country, position and
 * workflow cells each hold a `length`-character pasted text (the same one on every line).
 */
export function pastedTextSheet(lines: number, length: number): string[][] {
  const text = pastedText(random(7), length);
  const headers = ['Customer name', 'Customer ID', 'Postal code', 'Country', 'Contact email', 'First name', 'Position', 'Main contact', 'Workflow', 'Address'];
  const rows = [headers];
  for (let i = 0; i < lines; i++) {
    rows.push([`Customer ${i}`, `C-${1000 + i}`, text, text, `contact${i}@client${i}.fr`, 'Jane', text, i % 2 ? '' : '1', text, text]);
  }
  return rows;
}
