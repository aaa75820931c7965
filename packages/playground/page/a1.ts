/** A1 notation on the page's side: column letters and single cells. */

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row and column of "B7"; of the first cell of "B7:C9". */
export function parseCell(a1: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})(\d+)/.exec(a1);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

export const cellName = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;
