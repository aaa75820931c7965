/**
 * Column widths for the grid: the sheet's, widened to fit the text shown up to a limit. The
 * add-on asks Sheets to fit its columns (autoResizeColumns), which needs text metrics the
 * emulator does not have: the page, which has them, does the fitting.
 */
import type { GridView } from '../view-types';

const FONT = '13px Arial, "Helvetica Neue", Helvetica, sans-serif';
/** Cell padding and borders (styles.css). */
const PADDING = 10;
/** Past this, text is cut at the cell's edge; the formula bar shows it whole. */
const MAX_FIT = 320;

let context: CanvasRenderingContext2D | null = null;

function textWidth(text: string, bold: boolean): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = bold ? `bold ${FONT}` : FONT;
  return context.measureText(text).width;
}

export function fitWidths(view: GridView): number[] {
  const bold = new Set(view.formats.filter((f) => f.bold).map((f) => `${f.row}:${f.column}`));
  return view.columnWidths.map((sheetWidth, c) => {
    let widest = 0;
    for (let r = 0; r < view.shownRows; r++) {
      const text = view.values[r]?.[c] ?? '';
      if (text !== '') widest = Math.max(widest, textWidth(text, bold.has(`${r}:${c}`)));
    }
    return Math.max(sheetWidth, Math.min(MAX_FIT, Math.ceil(widest) + PADDING));
  });
}
