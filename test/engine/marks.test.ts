import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BACKGROUND, MARK_COLORS, isMarkNote, originalOf, planMarks } from '../../src/engine/marks';
import type { Problem } from '../../src/engine/problem';

const problem = (row: number, column: string, severity: Problem['severity'] = 'error'): Problem => ({
  row,
  column,
  cell: `${column}${row}`,
  field: 'contactEmail',
  severity,
  code: 'EMAIL_INVALID',
  message: `The email in ${column}${row} is not valid.`,
  fix: 'Correct the email.',
});

/** The note as the user reads it in Sheets: the seals are invisible. */
const visible = (note: string) => note.replace(/[\u2060-\u2064]/g, '');
const mark = (note: string, problems: Problem[] = [problem(2, 'A')], background = DEFAULT_BACKGROUND) =>
  planMarks({ backgrounds: [[background]], notes: [[note]] }, 2, 1, () => problems);
const clear = (note: string, background: string = MARK_COLORS.error) => planMarks({ backgrounds: [[background]], notes: [[note]] }, 2, 1, () => undefined);

const grid = (rows: number, cols: number, value: string) => Array.from({ length: rows }, () => Array<string>(cols).fill(value));

test('a problem colours its cell and the note says what is wrong and how to fix it', () => {
  const planned = planMarks({ backgrounds: grid(2, 2, DEFAULT_BACKGROUND), notes: grid(2, 2, '') }, 5, 1, (r, c) => (r === 6 && c === 2 ? [problem(6, 'B')] : undefined));
  assert.equal(planned.backgrounds[1]![1], MARK_COLORS.error);
  assert.match(visible(planned.notes[1]![1]!), /The email in B6 is not valid\.\nHow to fix: Correct the email\./);
  assert.equal(planned.backgrounds[0]![0], DEFAULT_BACKGROUND);
  assert.equal(planned.notes[0]![0], '');
  assert.equal(planned.changed, true);
});

test('warnings are amber and an error on the same cell wins', () => {
  const at = (r: number, c: number) => (c === 1 ? [problem(r, 'A', 'warning')] : [problem(r, 'B', 'warning'), problem(r, 'B')]);
  const planned = planMarks({ backgrounds: grid(1, 2, DEFAULT_BACKGROUND), notes: grid(1, 2, '') }, 2, 1, at);
  assert.deepEqual(planned.backgrounds[0], [MARK_COLORS.warning, MARK_COLORS.error]);
  assert.match(planned.notes[0]![1]!, /^⚠ Upflow import: error/);
});

test("the user's own colour and note come back exactly when the mark clears", () => {
  const user = { backgrounds: [['#d9ead3']], notes: [['Call before the 15th\n(second line)']] };
  const marked = planMarks(user, 2, 1, () => [problem(2, 'A')]);
  assert.equal(marked.backgrounds[0]![0], MARK_COLORS.error);
  assert.match(visible(marked.notes[0]![0]!), /Your note ---\nCall before the 15th\n\(second line\)$/);
  const cleared = planMarks({ backgrounds: marked.backgrounds, notes: marked.notes }, 2, 1, () => undefined);
  assert.deepEqual(cleared.backgrounds, [['#d9ead3']]);
  assert.deepEqual(cleared.notes, [['Call before the 15th\n(second line)']]);
});

test('validating twice changes nothing more', () => {
  const first = planMarks({ backgrounds: [['#fff2cc', DEFAULT_BACKGROUND]], notes: [['mine', '']] }, 3, 1, (_r, c) => (c === 1 ? [problem(3, 'A')] : undefined));
  const second = planMarks({ backgrounds: first.backgrounds, notes: first.notes }, 3, 1, (_r, c) => (c === 1 ? [problem(3, 'A')] : undefined));
  assert.equal(second.changed, false);
  assert.deepEqual(second.backgrounds, first.backgrounds);
  assert.deepEqual(second.notes, first.notes);
});

test('a colour the user sets on a marked cell is kept as theirs when the mark clears', () => {
  const marked = planMarks({ backgrounds: [['#d9ead3']], notes: [['']] }, 2, 1, () => [problem(2, 'A')]);
  const recoloured = { backgrounds: [['#cfe2f3']], notes: marked.notes };
  const cleared = planMarks(recoloured, 2, 1, () => undefined);
  assert.deepEqual(cleared.backgrounds, [['#cfe2f3']]);
});

test('notes that are not ours are never taken for marks', () => {
  assert.equal(isMarkNote('Upflow import went fine'), false);
  assert.deepEqual(originalOf('#ffffff', 'my note'), { background: '#ffffff', note: 'my note' });
  const untouched = planMarks({ backgrounds: [['#ff0000']], notes: [['⚠ careful']] }, 2, 1, () => undefined);
  assert.equal(untouched.changed, false);
});

test('text the user adds anywhere in a marked note survives re-marking and clearing', () => {
  const marked = mark('Key account').notes[0]![0]!;
  const lines = marked.split('\n');
  const edited = ['Checked with Paul', ...lines.slice(0, 2), 'he will send it Monday', ...lines.slice(2), 'and copy Léa'].join('\n');
  const yours = 'Checked with Paul\nhe will send it Monday\nKey account\nand copy Léa';
  const remarked = mark(edited, [problem(2, 'A', 'warning'), problem(2, 'A')]).notes[0]![0]!;
  assert.match(visible(remarked), /^⚠ Upflow import: error/, 'our part is rewritten for the new problems');
  assert.ok(visible(remarked).endsWith(`--- Your note ---\n${yours}`), visible(remarked));
  assert.deepEqual(clear(remarked).notes, [[yours]], 'every added line comes back when the problem is fixed');
});

test('a line of ours the user edited is kept as theirs', () => {
  const marked = mark('').notes[0]![0]!;
  const [head, message, fix] = marked.split('\n');
  const typedInto = message!.replace('not valid', 'not valid (Paul has a new one)');
  const typedAfter = `${fix} ask Paul`;
  const cleared = clear([head, typedInto, typedAfter].join('\n')).notes[0]![0]!;
  assert.equal(cleared, 'The email in A2 is not valid (Paul has a new one).\nHow to fix: Correct the email. ask Paul');
});

test("a user's note that looks like ours is never taken for a mark", () => {
  const lookalike = '⚠ Upflow import: error, this line will not be imported\nThe email in A2 is not valid.\nHow to fix: Correct the email.';
  assert.equal(isMarkNote(lookalike), false);
  assert.equal(clear(lookalike, '#d9ead3').changed, false, 'a clean cell keeps it');
  const marked = mark(lookalike, undefined, '#d9ead3');
  assert.deepEqual(clear(marked.notes[0]![0]!).notes, [[lookalike]], 'and it comes back whole after a mark');
  assert.deepEqual(clear(marked.notes[0]![0]!).backgrounds, [['#d9ead3']]);
});

test('a note copied from a marked cell is a stale mark: cleared, the user lines kept', () => {
  const copied = `${mark('mine').notes[0]![0]!}\nadded`;
  assert.equal(isMarkNote(copied), true);
  assert.deepEqual(clear(copied, DEFAULT_BACKGROUND).notes, [['mine\nadded']]);
});
