/**
 * The grid JSON the page draws: the active sheet as the add-on left it, read through the same
 * Apps Script API the add-on uses (display values, backgrounds, notes, bold).
 */
import type { AppsScript } from '@upflow-sheets/apps-script-emulator';
import type { CellFormat, GridView, SheetTab } from './view-types';

/** More rows than this make the page slow to draw and to refresh after every call. */
const MAX_SHOWN_ROWS = 500;
const MAX_SHOWN_COLUMNS = 60;
/** Empty rows under the data, as Sheets shows, to type new lines into. */
const SPARE_ROWS = 30;
const WHITE = '#ffffff';

export function sheetTabs(app: AppsScript): SheetTab[] {
  const active = app.spreadsheet.getActiveSheet().getSheetId();
  return app.spreadsheet.getSheets().map((s) => ({ name: s.getName(), hidden: s.isSheetHidden(), active: s.getSheetId() === active }));
}

export function activeRangeA1(app: AppsScript): string {
  return app.spreadsheet.getActiveRange().getA1Notation();
}

export function gridView(app: AppsScript): GridView {
  const sheet = app.spreadsheet.getActiveSheet();
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const lastRow = sheet.getLastRow();
  const shownRows = Math.min(maxRows, MAX_SHOWN_ROWS, Math.max(lastRow + SPARE_ROWS, 50));
  const shownColumns = Math.min(maxColumns, MAX_SHOWN_COLUMNS);
  const range = sheet.getRange(1, 1, shownRows, shownColumns);
  const values = range.getDisplayValues();
  const backgrounds = range.getBackgrounds();
  const notes = range.getNotes();
  const weights = range.getFontWeights();
  const formulas = range.getFormulas();
  const formats: CellFormat[] = [];
  for (let r = 0; r < shownRows; r++) {
    for (let c = 0; c < shownColumns; c++) {
      const background = backgrounds[r]?.[c] ?? WHITE;
      const note = notes[r]?.[c] ?? '';
      const bold = weights[r]?.[c] === 'bold';
      const formula = formulas[r]?.[c] ?? '';
      if (background === WHITE && !note && !bold && !formula) continue;
      const format: CellFormat = { row: r, column: c };
      if (background !== WHITE) format.background = background;
      if (note) format.note = note;
      if (bold) format.bold = true;
      if (formula) format.formula = formula;
      formats.push(format);
    }
  }
  return {
    sheet: sheet.getName(),
    maxRows,
    maxColumns,
    lastRow,
    shownRows,
    shownColumns,
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    columnWidths: Array.from({ length: shownColumns }, (_, c) => sheet.getColumnWidth(c + 1)),
    values,
    formats,
  };
}
