import type { CellValue } from '../engine/cell';
import { cellText } from '../engine/cell';
import { checkRows, mapWith } from '../engine/check';
import type { FieldId } from '../engine/fields';
import { findHeaderRow } from '../engine/mapping';
import { isMarkNote, planMarks, DEFAULT_BACKGROUND } from '../engine/marks';
import type { Result } from '../shared/api';
import { rememberEdit, wasChecked } from './checked-sheets';
import { isInternalSheet } from './internal-sheets';
import { mappingOptions } from './mapping-store';
import { cellKey, problemsByCell } from './marks';
import { loadOrganisation } from './organisation';
import { guard, userError } from './result';
import { readSettings } from './settings';
import { shownValues } from './sheet-block';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Fields whose values tie lines together: the same customer, a group and its members. */
const TIE_FIELDS: readonly FieldId[] = ['customerId', 'externalId', 'customerName', 'groupName', 'groupId'];
/** Fields only a check with the organisation (members, workflows, customers) can judge. */
const ORG_FIELDS: readonly FieldId[] = ['accountManagers', 'workflow', 'groupName', 'groupId'];
/**
 * A simple trigger has 30 seconds: past this many lines between the first and last line tied to the
 * edit, only the edited lines are checked again (the next Check covers the rest).
 */
const SPAN_LIMIT = 2_000;
/** The header row is looked for in the first lines, as Check does. */
const HEADER_SCAN = 20;

const tieKey = (value: CellValue): string => cellText(value).trim().toLowerCase();

/**
 * Keeps marks true while the user types: the edited lines, and the lines tied to them (same customer,
 * same group), are checked again and their marks updated, so a fixed cell loses its mark at once,
 * and so does a problem it caused on a tied line (a second main contact, a customer ID used twice).
 * A simple trigger may not call Upflow: account managers, workflows and groups are judged only with
 * the organisation this user's last Check cached; without it their marks stay as they are, for a
 * check that has the organisation to confirm or clear. Called with no edit (from google.script.run)
 * it answers an error value.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): Result<null> {
  return guard(() => {
    if (!e?.range) throw userError('NOT_AN_EDIT', 'This runs by itself when a cell is edited; there is nothing to do here.');
    recheckEdit(e.range, e.oldValue);
    return null;
  });
}

function recheckEdit(range: GoogleAppsScript.Spreadsheet.Range, oldValue: string | undefined): void {
  const sheet = range.getSheet();
  if (isInternalSheet(sheet.getName())) return;
  if (!wasChecked(sheet) && !range.getNotes().some((row) => row.some(isMarkNote))) return;
  rememberEdit(sheet);
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow < 1 || width < 1) return;
  const top = shownValues(sheet.getRange(1, 1, Math.min(HEADER_SCAN, lastRow), width));
  const headerIndex = findHeaderRow(top);
  const headers = top[headerIndex] ?? [];
  const firstRow = headerIndex + 2;
  const edited = { first: Math.max(range.getRow(), firstRow), last: Math.min(range.getLastRow(), lastRow) };
  if (edited.last < edited.first) return;
  const options = mappingOptions(sheet, null);
  const columns = mapWith(headers, options).fieldColumns;
  const lines = tiedLines(sheet, columns, firstRow, lastRow, edited, oldValue);
  const span = extent(lines);
  const checked = span.last - span.first + 1 <= SPAN_LIMIT ? new Set(lines) : rangeOf(edited.first, edited.last);
  const { first: from, last: to } = extent(checked);
  const area = sheet.getRange(from, 1, to - from + 1, width);
  const values = shownValues(area);
  const formulas = area.getFormulas();
  // Lines outside the check are handed over blank (skipped): row numbers stay the sheet's.
  const rows: CellValue[][] = [];
  const rowFormulas: string[][] = [];
  for (let row = firstRow; row <= to; row++) {
    rows.push(checked.has(row) ? (values[row - from] ?? []) : []);
    rowFormulas.push(checked.has(row) ? (formulas[row - from] ?? []) : []);
  }
  const settings = readSettings();
  const org = loadOrganisation([], true, settings);
  const { result } = checkRows(headers, { rows, formulas: rowFormulas, firstRow, firstColumn: 0 }, { ...options, defaultCountry: settings.defaultCountry, org });
  const frozen = new Set(org ? [] : ORG_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined));
  markLines(area, from, checked, frozen, problemsByCell(result.problems));
}

/** Every line from first to last. */
function rangeOf(first: number, last: number): Set<number> {
  const lines = new Set<number>();
  for (let row = first; row <= last; row++) lines.add(row);
  return lines;
}

/**
 * The edited lines and every line sharing a customer or group value with them (before or after the
 * edit): one read of each tie column, however long the sheet.
 */
function tiedLines(
  sheet: Sheet,
  columns: Partial<Record<FieldId, number>>,
  firstRow: number,
  lastRow: number,
  edited: { first: number; last: number },
  oldValue: string | undefined,
): number[] {
  const lines = [...rangeOf(edited.first, edited.last)];
  const tieColumns = [...new Set(TIE_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined))];
  if (tieColumns.length === 0 || lastRow < firstRow) return lines;
  const height = lastRow - firstRow + 1;
  const read = tieColumns.map((c) => shownValues(sheet.getRange(firstRow, c + 1, height, 1)).map((r) => tieKey(r[0] ?? '')));
  const keys = new Set<string>();
  for (let row = edited.first; row <= edited.last; row++) for (const column of read) keys.add(column[row - firstRow] ?? '');
  if (oldValue !== undefined) keys.add(tieKey(oldValue));
  keys.delete('');
  if (keys.size === 0) return lines;
  for (let i = 0; i < height; i++) {
    const row = firstRow + i;
    if ((row < edited.first || row > edited.last) && read.some((column) => keys.has(column[i] ?? ''))) lines.push(row);
  }
  return lines;
}

/**
 * Marks the checked lines of the area as the check says; other lines keep their marks, and so do
 * `frozen` columns (judged only against the organisation, which this edit cannot see) where a mark
 * is already shown.
 */
function markLines(
  area: GoogleAppsScript.Spreadsheet.Range,
  top: number,
  checked: ReadonlySet<number>,
  frozen: ReadonlySet<number>,
  problems: ReturnType<typeof problemsByCell>,
): void {
  const current = { backgrounds: area.getBackgrounds(), notes: area.getNotes() };
  const planned = planMarks(current, top, 1, (r, c) => problems.get(cellKey(r, c)));
  let changed = false;
  planned.backgrounds.forEach((row, r) => {
    row.forEach((_, c) => {
      const note = current.notes[r]?.[c] ?? '';
      const keep = !checked.has(top + r) || (frozen.has(c) && isMarkNote(note));
      if (keep) {
        row[c] = current.backgrounds[r]?.[c] ?? DEFAULT_BACKGROUND;
        (planned.notes[r] as string[])[c] = note;
      } else if (row[c] !== current.backgrounds[r]?.[c] || planned.notes[r]?.[c] !== note) changed = true;
    });
  });
  if (!changed) return;
  // null gives the cell back its default look (banding, theme) instead of a painted white.
  area.setBackgrounds(planned.backgrounds.map((row) => row.map((bg) => (bg === DEFAULT_BACKGROUND ? null : bg))));
  area.setNotes(planned.notes);
}

/** Lowest and highest row, by a loop: spreading a sheet's worth of rows into Math.min overflows the stack. */
function extent(rows: Iterable<number>): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    if (row < first) first = row;
    if (row > last) last = row;
  }
  return { first, last };
}
