import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BACKGROUND, MARK_COLORS, isMarkNote, originalOf, planMarks } from '../../src/engine/marks';
import type { Problem } from '../../src/engine/problem';

const problem = (row: number, column: string, severity: Problem['severity'] = 'error'): Problem => ({
  row, column, cell: `${column}${row}`, field: 'contactEmail', severity, code: 'EMAIL_INVALID',
  message: `The email in ${column}${row} is not valid.`, fix: 'Correct the email.',
});

const grid = (rows: number, cols: number, value: string) => Array.from({ length: rows }, () => Array<string>(cols).fill(value));

test('a problem colours its cell and the note says what is wrong and how to fix it', () => {
  const planned = planMarks({ backgrounds: grid(2, 2, DEFAULT_BACKGROUND), notes: grid(2, 2, '') }, 5, 1, (r, c) => (r === 6 && c === 2 ? [problem(6, 'B')] : undefined));
  assert.equal(planned.backgrounds[1]![1], MARK_COLORS.error);
  assert.match(planned.notes[1]![1]!, /The email in B6 is not valid\.\nHow to fix: Correct the email\./);
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
  assert.match(marked.notes[0]![0]!, /Your note ---\nCall before the 15th\n\(second line\)/);
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
