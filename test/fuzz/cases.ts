import type { CellValue } from '../../src/engine/cell';
import { createAppsScript } from '@upflow-sheets/apps-script-emulator';
import { hostileSheet, random, type HostileSheet } from './hostile-sheet';

/** A case of the fuzz suite: its seed picks the size, the layout and every cell. */
export function hostileCase(seed: number): HostileSheet {
  const next = random(seed * 7919);
  const wide = next() < 0.2;
  return hostileSheet(seed, {
    lines: 1 + Math.floor(next() * 60),
    columns: wide ? 30 + Math.floor(next() * 30) : 1 + Math.floor(next() * 20),
    longCell: next() < 0.3 ? 50_000 : 3000,
    top: next() < 0.4 ? Math.floor(next() * 4) : 0,
    left: next() < 0.3 ? Math.floor(next() * 3) : 0,
  });
}

/** The values Sheets holds once the sheet is pasted: numbers, booleans and dates where it converted the text. */
export function pastedValues(sheet: HostileSheet): CellValue[][] {
  const app = createAppsScript();
  app.paste('Sheet1', 'A1', sheet.rows);
  return app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!.getDataRange().getValues();
}
