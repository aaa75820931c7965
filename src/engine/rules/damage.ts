import { FORMULA_ERRORS, cellText, isoDate, numberText, type CellValue } from '../cell';
import { field, type FieldId } from '../fields';
import { cleanSpaces, hasInvisibleSpace } from '../normalize';
import { PLAIN_TEXT_FIX, label, labelled, quote } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const DAMAGE_PROBLEMS = {
  EXTRA_SPACES: 'Extra spaces',
  INVISIBLE_SPACES: 'Invisible spaces',
  SCIENTIFIC_NOTATION: 'Numbers that lost digits',
  NUMBER_INVALID: 'Numbers that are not valid',
  DATE_IN_TEXT: 'Values turned into dates',
  BOOLEAN_IN_TEXT: 'Values turned into TRUE/FALSE',
  FORMULA_ERROR: 'Formulas that fail',
  FORMULA_CELL: 'Values computed by formulas',
  TOO_LONG: 'Values too long',
} as const;

/** Fields whose own rule gives a better message than a length limit would. */
const OWN_LENGTH_RULE: ReadonlySet<FieldId> = new Set<FieldId>(['position', 'mainContact']);

/**
 * Past this many times its field's limit (and this many characters), a value is no typo but a
 * text pasted into the wrong cell: it is judged by its length alone, which costs nothing however
 * long it is, and its field's own rule (with its suggestions) is skipped.
 */
const PASTED_TIMES = 4;
const PASTED_AT_LEAST = 200;

/** Sheets never shows more than 15 significant digits: past that, digits were lost. */
const DIGITS_LOST_FROM = 1e15;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const FORMULA_ERROR_SET: ReadonlySet<string> = new Set(FORMULA_ERRORS);

/** What the damage rules need to know of a field, looked up once per validation rather than per cell. */
export interface FieldRule {
  id: FieldId;
  code: boolean;
  matched: boolean;
  maxLength: number | undefined;
  /** Longer than this, the value is reported as pasted text without being read. */
  pastedFrom: number;
}

export function fieldRule(id: FieldId): FieldRule {
  const { maxLength: max, code, exact } = field(id);
  return {
    id,
    code: code === true,
    matched: exact === true,
    maxLength: OWN_LENGTH_RULE.has(id) ? undefined : max,
    pastedFrom: Math.max(PASTED_TIMES * max, PASTED_AT_LEAST),
  };
}

/** Whitespace (as `\s` sees it) and zero-width characters above ASCII. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when cleanSpaces would leave the text as is; a char scan, far cheaper than four regexes per cell. */
function looksClean(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  let previousSpace = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if ((c >= 9 && c <= 13) || (c >= 0xa0 && isUnicodeSpace(c))) {
      return false;
    } else {
      previousSpace = false;
    }
  }
  return !previousSpace;
}

/** A cell counts as empty when nothing but spaces (visible or not) is in it. */
export function isEmptyCell(value: CellValue | null | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && isUnicodeSpace(c)))) return false;
  }
  return true;
}

function reportSpaces(report: Report, line: number, rule: FieldRule, text: string, cleaned: string): void {
  const { id, matched } = rule;
  if (hasInvisibleSpace(text)) {
    report.add(
      line,
      id,
      matched ? 'error' : 'warning',
      'INVISIBLE_SPACES',
      `${labelled(id, cleaned)} contains an invisible (non-breaking) space, often pasted from a web page or an email.${matched ? ' Upflow compares this value letter by letter, so it would not be recognised.' : ''}`,
      'Apply the suggested value: the invisible space is replaced by a normal one.',
      cleaned,
    );
    return;
  }
  const where = text.trim() !== text ? 'spaces at the start or end' : /[\n\r]/.test(text) ? 'a line break' : 'double spaces';
  report.warning(line, id, 'EXTRA_SPACES', `${labelled(id, text)} has ${where}.`, 'Apply the suggested value without the extra spaces.', cleaned);
}

function readText(report: Report, line: number, rule: FieldRule, text: string): string | null {
  const id = rule.id;
  if (text.includes('#')) {
    const upper = text.trim().toUpperCase();
    if (FORMULA_ERROR_SET.has(upper)) {
      report.error(line, id, 'FORMULA_ERROR', `${label(id)}: the formula in this cell fails (${upper}).`, 'Fix the formula in the sheet, or replace it with the value itself.');
      return null;
    }
  }
  const cleaned = looksClean(text) ? text : cleanSpaces(text);
  if (cleaned !== text) reportSpaces(report, line, rule, text, cleaned);
  if (rule.code && SCIENTIFIC.test(cleaned)) {
    report.error(
      line,
      id,
      'SCIENTIFIC_NOTATION',
      `${labelled(id, cleaned)} was shown in scientific notation by the spreadsheet, so some of its digits were lost.`,
      `Re-type the full ${label(id)}. ${PLAIN_TEXT_FIX}`,
    );
    return null;
  }
  return cleaned;
}

function readNumber(report: Report, line: number, rule: FieldRule, value: number): string | null {
  const id = rule.id;
  if (!Number.isFinite(value)) {
    report.error(line, id, 'NUMBER_INVALID', `${label(id)}: the cell holds a number the spreadsheet can't show.`, `Type the ${label(id)} again. ${PLAIN_TEXT_FIX}`);
    return null;
  }
  if (rule.code && Math.abs(value) >= DIGITS_LOST_FROM) {
    report.error(
      line,
      id,
      'SCIENTIFIC_NOTATION',
      `${labelled(id, numberText(value))} was turned into a number by the spreadsheet, which keeps only 15 digits: some digits were lost.`,
      `Re-type the full ${label(id)}. ${PLAIN_TEXT_FIX}`,
    );
    return null;
  }
  return numberText(value);
}

/**
 * The cell's text once spreadsheet damage was reported, or null when the value can't be
 * trusted at all (a date, a checkbox, a failed formula, lost digits, too long): the field's own
 * rule is then skipped, since its message would only confuse.
 */
export function readCell(report: Report, line: number, rule: FieldRule, value: CellValue, formula: string | undefined): string | null {
  const id = rule.id;
  let text: string | null;
  if (typeof value === 'string' && value.length > rule.pastedFrom) {
    const max = field(id).maxLength;
    report.error(
      line,
      id,
      'TOO_LONG',
      `${label(id)} holds ${value.length} characters, far more than the ${max} Upflow accepts: it looks like a text pasted into the wrong cell.`,
      `Keep only the ${label(id)} in cell ${report.cellOf(line, id)} (${max} characters at most), and move the rest of the text to another column or delete it.`,
    );
    return null;
  }
  if (typeof value === 'string') {
    text = readText(report, line, rule, value);
  } else if (typeof value === 'number') {
    text = readNumber(report, line, rule, value);
  } else if (typeof value === 'boolean') {
    if (id === 'mainContact') return cellText(value);
    report.error(
      line,
      id,
      'BOOLEAN_IN_TEXT',
      `${label(id)}: the cell holds ${cellText(value)} (a checkbox or a yes/no formula), not a ${label(id)}.`,
      `Type the ${label(id)} as text, or check that the right column is mapped to ${label(id)}.`,
    );
    return null;
  } else {
    const shown = isoDate(value);
    report.error(line, id, 'DATE_IN_TEXT', `${label(id)}: the spreadsheet turned this into a date${shown ? ` (${shown})` : ''}.`, `Re-type the ${label(id)}. ${PLAIN_TEXT_FIX}`);
    return null;
  }
  if (text === null) return null;
  if (formula) {
    report.warning(
      line,
      id,
      'FORMULA_CELL',
      `${label(id)}: this cell is computed by a formula; Upflow will receive its current result ${quote(text)}.`,
      'Nothing to do if the result is right. To freeze it, copy the column and use Paste special > Values only.',
    );
  }
  const max = rule.maxLength;
  if (max !== undefined && text.length > max) {
    report.error(
      line,
      id,
      'TOO_LONG',
      `${label(id)} is too long: ${text.length} characters, Upflow accepts at most ${max}.`,
      `Shorten the ${label(id)} to ${max} characters or fewer.`,
    );
    // Its own rule would only add noise, and would pay for every character of a long value.
    return null;
  }
  return text;
}
