import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLines } from '../../../src/engine/rules';
import { check } from './helpers';

test('records hold the cleaned values of each non-blank line; blank lines are counted and skipped', () => {
  const fields = ['customerName', 'customerId', 'country', 'postalCode', 'contactEmail', 'phoneNumber', 'position', 'mainContact'] as const;
  const result = check(
    'contacts',
    [...fields],
    [
      [' Acme ', 1001, 'Allemagne', '10115', 'Jane.Doe@Acme.com', '+49 30 901820', 'Comptable', true],
      ['', '', '', '', '', '', '', ''],
      ['Beta', 'B-1', 'France', '75008', 'joe@beta.fr', '06 12 34 56 78', '', false],
    ],
  );
  assert.deepEqual(result.records, [
    {
      row: 2,
      blocked: false,
      values: {
        customerName: 'Acme',
        customerId: '1001',
        country: 'DE',
        postalCode: '10115',
        contactEmail: 'jane.doe@acme.com',
        phoneNumber: '+4930901820',
        position: 'ACCOUNTING',
        mainContact: '1',
      },
    },
    { row: 4, blocked: false, values: { customerName: 'Beta', customerId: 'B-1', country: 'FR', postalCode: '75008', contactEmail: 'joe@beta.fr', phoneNumber: '+33612345678' } },
  ]);
  assert.deepEqual(result.stats, { rows: 3, blankRows: 1, errors: 0, warnings: 1, blockedRows: 0 });
});

test('a line with an error is blocked, a line with warnings only is not', () => {
  const result = check(
    'contacts',
    ['customerName', 'contactEmail'],
    [
      ['Acme ', 'a@acme.com'],
      ['Beta', 'nope'],
    ],
  );
  assert.deepEqual(
    result.records.map((r) => r.blocked),
    [false, true],
  );
  assert.deepEqual(result.stats, { rows: 2, blankRows: 0, errors: 1, warnings: 1, blockedRows: 1 });
});

test('problems use sheet coordinates from firstRow and firstColumn, sorted by row then column', () => {
  const result = check(
    'contacts',
    ['customerName', 'contactEmail'],
    [
      ['', 'bad'],
      ['Acme ', 'also bad'],
    ],
    { firstRow: 10, firstColumn: 25 },
  );
  assert.deepEqual(
    result.problems.map((p) => [p.cell, p.code]),
    [
      ['Z10', 'REQUIRED'],
      ['AA10', 'EMAIL_INVALID'],
      ['Z11', 'EXTRA_SPACES'],
      ['AA11', 'EMAIL_INVALID'],
    ],
  );
  assert.deepEqual(
    result.problems.map((p) => [p.row, p.column]),
    [
      [10, 'Z'],
      [10, 'AA'],
      [11, 'Z'],
      [11, 'AA'],
    ],
  );
});

test('columns follow the mapping, not the order of fields, and unmapped or foreign fields are ignored', () => {
  const result = checkLines({ rows: [['x', 'nope', 'Acme']], firstRow: 2 }, { customerName: 2, contactEmail: 1, workflow: 0 }, { template: 'contacts' });
  assert.deepEqual(
    result.problems.map((p) => [p.cell, p.code]),
    [['B2', 'EMAIL_INVALID']],
  );
  assert.deepEqual(result.records[0]!.values, { customerName: 'Acme', contactEmail: 'nope' });
});

test('cross-row problems mark the later line blocked, not the first', () => {
  const result = check(
    'customers',
    ['customerName', 'customerId'],
    [
      ['Acme', 'C-1'],
      ['Beta', 'C-1'],
    ],
  );
  assert.deepEqual(
    result.records.map((r) => r.blocked),
    [false, true],
  );
  assert.equal(result.stats.blockedRows, 1);
});
