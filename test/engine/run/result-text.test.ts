import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OutcomeKind } from '../../../src/engine/import/outcome';
import { formatResult, needsAnotherTry, parseResult } from '../../../src/engine/run/result-text';

test('a result says what happened, why, when and which import wrote it', () => {
  const rows: Array<[OutcomeKind, string, string]> = [
    ['created', '', 'Created · 2026-12-01 16:05 · import #12'],
    ['updated', '', 'Updated · 2026-12-01 16:05 · import #12'],
    ['unchanged', '', 'Unchanged · 2026-12-01 16:05 · import #12'],
    ['failed', 'Upflow refused the VAT number.', 'Failed: Upflow refused the VAT number. · 2026-12-01 16:05 · import #12'],
    ['skipped', 'C2: the email has no @', 'Not imported: C2: the email has no @ · 2026-12-01 16:05 · import #12'],
  ];
  for (const [outcome, message, text] of rows) {
    assert.equal(formatResult({ outcome, message, shownTime: '2026-12-01 16:05', importNumber: 12 }), text);
    assert.deepEqual(parseResult(text), { outcome, importNumber: 12 }, text);
  }
});

test('a cell is done for the import its text ends with, and to send again when it says Failed or Not imported', () => {
  // text in the cell → what it says happened, the import it is done for, whether Send failed lines takes it
  const rows: Array<[string, OutcomeKind | null, number | null, boolean]> = [
    ['', null, null, false],
    ['Created · 2026-12-01 16:05 · import #12', 'created', 12, false],
    ['Failed: Upflow refused the VAT number. · 2026-12-01 16:05 · import #3', 'failed', 3, true],
    ['Not imported: C2: the email has no @ · 2026-12-01 16:05 · import #12', 'skipped', 12, true],
    // The user erased the number: the label still says to send it again, no import has it done.
    ['Failed · 2026-12-01 16:05', 'failed', null, true],
    ['Not imported', 'skipped', null, true],
    // The user's own words before the number: done for that import, nothing to send again.
    ['checked by Anna · import #12', null, 12, false],
    // A number that no longer ends the text marks nothing done.
    ['Updated · 2026-12-01 16:05 · import #12 (checked)', 'updated', null, false],
    // Only the last number counts, whatever Upflow's reason quotes.
    ['Failed: see · import #4 below · 2026-12-01 16:05 · import #5', 'failed', 5, true],
    // Labels are the add-on's exact words: a retyped one is the user's text.
    ['failed · 2026-12-01 16:05 · import #5', null, 5, false],
    ['Failedd · import #5', null, 5, false],
  ];
  for (const [text, outcome, importNumber, again] of rows) {
    assert.deepEqual(parseResult(text), { outcome, importNumber }, JSON.stringify(text));
    assert.equal(needsAnotherTry(text), again, JSON.stringify(text));
  }
});

test("Upflow's reason can hold anything and the cursor still reads the import's number", () => {
  const message = 'Customer "Acme · import #99" refused: Failed · 2026 · import #1';
  const text = formatResult({ outcome: 'failed', message, shownTime: '2026-12-01 16:05', importNumber: 42 });
  assert.deepEqual(parseResult(text), { outcome: 'failed', importNumber: 42 });
});
