import type { Problem, Severity } from './problem';

/**
 * Marks on the sheet: a colour and a note per cell with problems. The user's own colour and note
 * are kept inside our note, so they travel with the cell when rows are sorted or moved, and come
 * back exactly when the mark clears.
 *
 * Every line the add-on writes in a note ends with an invisible seal: a word joiner and a checksum
 * of the line in invisible characters (U+2061 to U+2064). A line whose seal matches its text is
 * ours; every other line is the user's: a note they wrote before the mark, a line they added to
 * our note anywhere, or one of our lines they edited. So the user's words survive every re-mark and
 * clear, and a note of theirs that merely looks like ours ("⚠ Upflow import ...") is never touched.
 */
export const MARK_COLORS: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2' };
export const DEFAULT_BACKGROUND = '#ffffff';

const SEAL = '\u2060';
const DIGITS = ['\u2061', '\u2062', '\u2063', '\u2064'];
const SEAL_LENGTH = 1 + 8;
const SEALED_END = /\u2060[\u2061-\u2064]{8}$/;
const SEALS_ANYWHERE = /\u2060[\u2061-\u2064]{8}/g;

const HEAD = '⚠ Upflow import';
const YOUR_NOTE = '--- Your note ---';
const COLOR_LINE = /^\[Upflow restores the cell colour (#[0-9a-f]{6}) once fixed\]$/;

/** FNV-1a over the line's UTF-16 code units, 16 bits as 8 base-4 invisible digits. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  let digits = '';
  for (let i = 0; i < 8; i++) digits += DIGITS[(hash >>> (2 * i)) & 3];
  return digits;
}

const seal = (line: string): string => `${line}${SEAL}${checksum(line)}`;

/** The text of one of our lines, or null when the line is the user's. */
function ourLine(line: string): string | null {
  if (!SEALED_END.test(line)) return null;
  const text = line.slice(0, -SEAL_LENGTH);
  return line.endsWith(checksum(text)) ? text : null;
}

/** True when the note holds at least one line the add-on wrote. */
export const isMarkNote = (note: string): boolean => note.includes(SEAL) && note.split('\n').some((line) => ourLine(line) !== null);

/** The cell as the user had it before we marked it, with whatever they added to our note since. */
export function originalOf(background: string, note: string): { background: string; note: string } {
  if (!isMarkNote(note)) return { background, note };
  let remembered: string | undefined;
  const userLines: string[] = [];
  for (const line of note.split('\n')) {
    const text = ourLine(line);
    if (text === null) userLines.push(line.replace(SEALS_ANYWHERE, ''));
    else remembered = COLOR_LINE.exec(text)?.[1] ?? remembered;
  }
  // A colour the user set on a marked cell wins over the one we remembered.
  const ours = background === MARK_COLORS.error || background === MARK_COLORS.warning;
  return { background: ours ? (remembered ?? DEFAULT_BACKGROUND) : background, note: userLines.join('\n') };
}

export function composeNote(problems: readonly Problem[], original: { background: string; note: string }): string {
  const severity = worst(problems);
  const ours = [`${HEAD}: ${severity === 'error' ? 'error, this line will not be imported' : 'warning'}`];
  for (const p of problems) ours.push(...(problems.length > 1 ? [`• ${p.message}`, `  How to fix: ${p.fix}`] : [p.message, `How to fix: ${p.fix}`]));
  if (original.background !== DEFAULT_BACKGROUND) ours.push('', `[Upflow restores the cell colour ${original.background} once fixed]`);
  if (original.note) ours.push('', YOUR_NOTE);
  // A message is one line today; splitting keeps every line sealed should one ever hold a line break.
  const sealed = ours
    .flatMap((line) => line.split('\n'))
    .map(seal)
    .join('\n');
  return original.note ? `${sealed}\n${original.note}` : sealed;
}

export const worst = (problems: readonly Problem[]): Severity => (problems.some((p) => p.severity === 'error') ? 'error' : 'warning');
export interface CellFormats {
  backgrounds: string[][];
  notes: string[][];
}

/**
 * The backgrounds and notes an area should have: marked where `problemsAt` gives problems,
 * as the user had them everywhere else. `top`/`left` are the area's sheet row and column (1-based).
 */
export function planMarks(
  current: CellFormats,
  top: number,
  left: number,
  problemsAt: (row: number, column: number) => readonly Problem[] | undefined,
): CellFormats & { changed: boolean } {
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
