import { KEYS } from './store/keys';
import { read, write } from './store/store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets the user has checked: only their edits are worth re-checking as they type. */
export function rememberChecked(sheet: Sheet): void {
  if (!wasChecked(sheet)) write(KEYS.checked(sheet.getSheetId()), '1');
}

export const wasChecked = (sheet: Sheet): boolean => read(KEYS.checked(sheet.getSheetId())) !== null;

/** The sidebar compares it with its last check, to offer a fresh one when the sheet moved on. */
export function rememberEdit(sheet: Sheet): void {
  write(KEYS.editedAt(sheet.getSheetId()), new Date().toISOString());
}

export const lastEdit = (sheet: Sheet): string | null => read(KEYS.editedAt(sheet.getSheetId()));
