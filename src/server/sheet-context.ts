import type { SheetContext, SheetStatus } from '../shared/api';
import { lastEdit } from './checked-sheets';
import { isInternalSheet } from './internal-sheets';
import { findSheet } from './sheet-block';

/**
 * What the sidebar polls to stay true to the screen: which sheet is shown, the sheets it can
 * offer, and when the sheet it works on was last edited. Reads only: cheap enough to ask every
 * few seconds.
 */
export function sheetContext(sheetName: string): SheetContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const active = spreadsheet.getActiveSheet().getName();
  const visible = spreadsheet.getSheets().filter((s) => !s.isSheetHidden() && !isInternalSheet(s.getName()));
  const asked = visible.find((s) => s.getName() === sheetName);
  return {
    activeSheet: visible.some((s) => s.getName() === active) ? active : '',
    sheets: visible.map((s) => ({ name: s.getName(), lastRow: s.getLastRow(), active: s.getName() === active })),
    editedAt: asked ? lastEdit(asked) : null,
  };
}

/** When the user last edited this sheet after a check. */
export const sheetStatus = (sheetName: string): SheetStatus => ({ editedAt: lastEdit(findSheet(sheetName)) });
