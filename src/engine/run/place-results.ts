/** A result for a line, and what the line said when it was read (src/engine/import/line-fingerprint.ts). */
export interface PendingResult {
  row: number;
  fingerprint: string;
  text: string;
}

export interface Placed {
  /** The text each line gets. */
  texts: Map<number, string>;
  /** Results whose line was edited or deleted since it was read: written nowhere. */
  unplaced: number;
}

/**
 * Where each result goes in the sheet as it is now (`now[i]`: the fingerprint of line
 * `firstRow + i`): to its line if that line still says what was sent, else to the one line that
 * now does (a line moved by an insert, a delete or a sort), else nowhere.
 */
export function placeOnLines(results: readonly PendingResult[], now: readonly string[], firstRow: number): Placed {
  const rowsOf = new Map<string, number[]>();
  now.forEach((fp, i) => rowsOf.set(fp, [...(rowsOf.get(fp) ?? []), firstRow + i]));

  const texts = new Map<number, string>();
  let unplaced = 0;
  const elsewhere: PendingResult[] = [];
  for (const result of results) {
    if (now[result.row - firstRow] === result.fingerprint) texts.set(result.row, result.text);
    else elsewhere.push(result);
  }
  const moved = new Map<string, PendingResult[]>();
  for (const result of elsewhere) moved.set(result.fingerprint, [...(moved.get(result.fingerprint) ?? []), result]);
  for (const [fingerprint, group] of moved) {
    const free = (rowsOf.get(fingerprint) ?? []).filter((row) => !texts.has(row));
    // Identical lines say the same thing and belong to the same customer: as many moved lines as
    // results means each has one. Any other count could mark the wrong line done.
    if (free.length === group.length) group.forEach((result, i) => texts.set(free[i]!, result.text));
    else unplaced += group.length;
  }
  return { texts, unplaced };
}
