import type { Problem, Severity } from './problem';

/**
 * Marks on the sheet: a colour and a note per cell with problems. The user's own colour and note
 * are kept inside our note, so they travel with the cell when rows are sorted or moved, and come
 * back exactly when the mark clears.
 */
export const MARK_COLORS: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2' };
export const DEFAULT_BACKGROUND = '#ffffff';

const HEAD = '⚠ Upflow import';
const YOUR_NOTE = '\n\n--- Your note ---\n';
const COLOR_LINE = /\n\n\[Upflow restores the cell colour (#[0-9a-f]{6}) once fixed\]$/;

export const isMarkNote = (note: string): boolean => note.startsWith(HEAD);

/** The cell as the user had it before we marked it. */
export function originalOf(background: string, note: string): { background: string; note: string } {
  if (!isMarkNote(note)) return { background, note };
  const color = COLOR_LINE.exec(note);
  const body = color ? note.slice(0, color.index) : note;
  const at = body.indexOf(YOUR_NOTE);
  const userNote = at >= 0 ? body.slice(at + YOUR_NOTE.length) : '';
  // A colour the user set on a marked cell wins over the one we remembered.
  const ours = background === MARK_COLORS.error || background === MARK_COLORS.warning;
  return { background: ours ? color?.[1] ?? DEFAULT_BACKGROUND : background, note: userNote };
}

export function composeNote(problems: readonly Problem[], original: { background: string; note: string }): string {
  const severity = worst(problems);
  const lines = problems.map((p) => (problems.length > 1 ? `• ${p.message}\n  How to fix: ${p.fix}` : `${p.message}\nHow to fix: ${p.fix}`));
  let note = `${HEAD}: ${severity === 'error' ? 'error, this line will not be imported' : 'warning'}\n${lines.join('\n')}`;
  if (original.note) note += `${YOUR_NOTE}${original.note}`;
  if (original.background !== DEFAULT_BACKGROUND) note += `\n\n[Upflow restores the cell colour ${original.background} once fixed]`;
  return note;
}

export const worst = (problems: readonly Problem[]): Severity => (problems.some((p) => p.severity === 'error') ? 'error' : 'warning');

export interface CellFormats { backgrounds: string[][]; notes: string[][] }

/**
 * The backgrounds and notes an area should have: marked where `problemsAt` gives problems,
 * as the user had them everywhere else. `top`/`left` are the area's sheet row and column (1-based).
 */
export function planMarks(current: CellFormats, top: number, left: number, problemsAt: (row: number, column: number) => readonly Problem[] | undefined): CellFormats & { changed: boolean } {
  let changed = false;
  const backgrounds: string[][] = [];
  const notes: string[][] = [];
  current.backgrounds.forEach((row, r) => {
    const bgRow: string[] = [];
    const noteRow: string[] = [];
    row.forEach((background, c) => {
      const note = current.notes[r]?.[c] ?? '';
      const problems = problemsAt(top + r, left + c);
      let next = { background, note };
      if (problems?.length) {
        const original = originalOf(background, note);
        next = { background: MARK_COLORS[worst(problems)], note: composeNote(problems, original) };
      } else if (isMarkNote(note)) {
        next = originalOf(background, note);
      }
      if (next.background !== background || next.note !== note) changed = true;
      bgRow.push(next.background);
      noteRow.push(next.note);
    });
    backgrounds.push(bgRow);
    notes.push(noteRow);
  });
  return { backgrounds, notes, changed };
}
