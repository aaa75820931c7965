import { columnIndex } from '../engine/a1';
import { DEFAULT_BACKGROUND, planMarks } from '../engine/marks';
import type { Problem } from '../engine/problem';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const cellKey = (row: number, column: number): string => `${row}:${column}`;

export function problemsByCell(problems: readonly Problem[]): Map<string, Problem[]> {
  const byCell = new Map<string, Problem[]>();
  for (const p of problems) {
    const k = cellKey(p.row, columnIndex(p.column) + 1);
    const list = byCell.get(k);
    if (list) list.push(p);
    else byCell.set(k, [p]);
  }
  return byCell;
}

/**
 * Colours and notes the cells of an area after a check: one read and one write each of
 * backgrounds and notes, whatever the area's size. Cells outside the area keep their marks.
 */
export function markArea(sheet: Sheet, top: number, left: number, rows: number, columns: number, problems: ReadonlyMap<string, Problem[]>): void {
  if (rows < 1 || columns < 1) return;
  const range = sheet.getRange(top, left, rows, columns);
  const planned = planMarks({ backgrounds: range.getBackgrounds(), notes: range.getNotes() }, top, left, (r, c) => problems.get(cellKey(r, c)));
  if (!planned.changed) return;
  // null gives the cell back its default look (banding, theme) instead of a painted white.
  range.setBackgrounds(planned.backgrounds.map((row) => row.map((bg) => (bg === DEFAULT_BACKGROUND ? null : bg))));
  range.setNotes(planned.notes);
}
