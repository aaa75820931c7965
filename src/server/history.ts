import { historyEntrySchema, type HistoryEntry } from '../shared/api';
import { HISTORY_SHEET } from './internal-sheets';

const COLUMNS = ['ID', 'Started', 'Ended', 'User', 'Sheet', 'Template', 'Mode', 'Created', 'Updated', 'Unchanged', 'Failed', 'Skipped', 'Status', 'Rows sent', 'Message'] as const;
const KEYS = [
  'id',
  'startedAt',
  'endedAt',
  'user',
  'sheet',
  'template',
  'mode',
  'created',
  'updated',
  'unchanged',
  'failed',
  'skipped',
  'status',
  'location',
  'message',
] as const satisfies ReadonlyArray<keyof HistoryEntry>;

/**
 * The import history: a hidden sheet, one row per import. Its protection only warns, because
 * every user who imports must be able to add their line.
 */
function historySheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(HISTORY_SHEET);
  if (existing) return existing;
  // A new sheet becomes the active one: the user's tab must stay on screen, or the sidebar would follow another sheet.
  const onScreen = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(HISTORY_SHEET, spreadsheet.getSheets().length);
  sheet
    .getRange(1, 1, 1, COLUMNS.length)
    .setValues([[...COLUMNS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.protect().setDescription('Upflow import history: written by the Upflow import add-on').setWarningOnly(true);
  sheet.hideSheet();
  onScreen.activate();
  return sheet;
}

const toRow = (entry: HistoryEntry): Array<string | number> => KEYS.map((k) => entry[k]);

function fromRow(row: unknown[]): HistoryEntry | null {
  const record = Object.fromEntries(
    KEYS.map((k, i) => {
      const cell = row[i];
      return [k, cell instanceof Date ? cell.toISOString() : cell];
    }),
  );
  const parsed = historyEntrySchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

/** Adds the entry, or rewrites it when an entry with its id exists (an import that ended). */
export function recordHistory(entry: HistoryEntry): void {
  const sheet = historySheet();
  const last = sheet.getLastRow();
  const ids =
    last > 1
      ? sheet
          .getRange(2, 1, last - 1, 1)
          .getValues()
          .map((r) => String(r[0]))
      : [];
  const at = ids.lastIndexOf(entry.id);
  const row = at >= 0 ? at + 2 : last + 1;
  if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 100);
  sheet.getRange(row, 1, 1, KEYS.length).setValues([toRow(entry)]);
}

export function readHistory(limit = 200): HistoryEntry[] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HISTORY_SHEET);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const first = Math.max(2, sheet.getLastRow() - limit + 1);
  const rows = sheet.getRange(first, 1, sheet.getLastRow() - first + 1, KEYS.length).getValues();
  return rows
    .map(fromRow)
    .filter((e): e is HistoryEntry => e !== null)
    .reverse();
}
