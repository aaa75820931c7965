import { findSheet } from './sheet-block';

/** Puts the sheet picked in the sidebar on screen, so both always show the same sheet. */
export function showSheet(sheetName: string): null {
  findSheet(sheetName).activate();
  return null;
}

/** Selects a problem's cell, on its sheet, for the user to fix. */
export function jumpToCell(sheetName: string, cell: string): null {
  const sheet = findSheet(sheetName);
  sheet.activate();
  sheet.getRange(cell).activate();
  return null;
}
