import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Problem } from '../../../src/engine/problem';
import { heldBackResults, outcomeResults } from '../../../src/engine/run/line-results';

const problem = (row: number, cell: string, severity: Problem['severity'], message: string): Problem => ({
  row,
  column: cell.replace(/\d+$/, ''),
  cell,
  field: null,
  severity,
  code: 'TEST',
  message,
  fix: '',
});

test("every line of a customer gets its customer's result", () => {
  const results = outcomeResults(
    [
      { key: 'name:acme', rows: [2, 3], outcome: 'failed', message: 'Upflow refused the VAT number.', upflowId: null, directUrl: null },
      { key: 'name:beta', rows: [4], outcome: 'created', message: '', upflowId: 'u-1', directUrl: null },
    ],
    12,
    '2026-12-01 16:05',
  );
  assert.deepEqual(results, [
    { row: 2, text: 'Failed: Upflow refused the VAT number. · 2026-12-01 16:05 · import #12' },
    { row: 3, text: 'Failed: Upflow refused the VAT number. · 2026-12-01 16:05 · import #12' },
    { row: 4, text: 'Created · 2026-12-01 16:05 · import #12' },
  ]);
});

test("a held-back line says its first error and that error's cell; warnings say nothing", () => {
  const problems = [
    problem(5, 'C5', 'warning', 'The phone number looks short'),
    problem(5, 'B5', 'error', 'The email has no @'),
    problem(5, 'D5', 'error', 'The country is unknown'),
    { ...problem(6, '', 'error', 'Upflow needs a name to import a customer'), cell: '' },
    problem(2, 'B2', 'error', 'Not a held-back line'),
  ];
  assert.deepEqual(heldBackResults([5, 6, 7], problems, 12, '2026-12-01 16:05'), [
    { row: 5, text: 'Not imported: B5: The email has no @ · 2026-12-01 16:05 · import #12' },
    { row: 6, text: 'Not imported: Upflow needs a name to import a customer · 2026-12-01 16:05 · import #12' },
    { row: 7, text: 'Not imported: fix the errors marked on this line · 2026-12-01 16:05 · import #12' },
  ]);
});
