import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMULA_ERRORS } from '../../../src/engine/cell';
import { check, codes, one } from './helpers';

test('leading and trailing spaces are a warning with the trimmed value as suggestion', () => {
  const result = check('customers', ['customerName', 'city'], [['  Acme ', 'Paris']]);
  const p = one(result, 'EXTRA_SPACES');
  assert.equal(p.severity, 'warning');
  assert.equal(p.cell, 'A2');
  assert.equal(p.suggestion, 'Acme');
  assert.equal(result.records[0]!.values.customerName, 'Acme');
  assert.equal(result.records[0]!.blocked, false);
});

test('a non-breaking space is a warning in a name, an error in a value Upflow matches exactly', () => {
  const name = one(check('customers', ['customerName'], [['Acme\u00a0Ltd']]), 'INVISIBLE_SPACES');
  assert.equal(name.severity, 'warning');
  assert.equal(name.suggestion, 'Acme Ltd');
  assert.match(name.message, /invisible \(non-breaking\) space/);
  const email = one(check('contacts', ['customerName', 'contactEmail'], [['Acme', 'jane@acme.com\u00a0']]), 'INVISIBLE_SPACES');
  assert.equal(email.severity, 'error');
  assert.equal(email.suggestion, 'jane@acme.com');
  const zeroWidth = one(check('assign', ['externalId', 'workflow'], [['C-1', 'Standard\u200b']]), 'INVISIBLE_SPACES');
  assert.equal(zeroWidth.severity, 'error');
  assert.equal(zeroWidth.suggestion, 'Standard');
});

test('a cell holding only invisible spaces counts as empty', () => {
  const result = check('customers', ['customerName', 'city'], [['\u00a0', ' \u200b ']]);
  assert.deepEqual(result.problems, []);
  assert.equal(result.stats.blankRows, 1);
});

test('a postal code turned into a number gets its leading zero back, padded to the country length', () => {
  const fields = ['customerName', 'country', 'postalCode'] as const;
  const result = check(
    'customers',
    [...fields],
    [
      ['A', 'France', 1234],
      ['B', 'US', 2115],
      ['C', 'France', 75008],
      ['D', 'Allemagne', 1067],
    ],
  );
  const [fr, us, de] = result.problems;
  assert.deepEqual(codes(result), ['LEADING_ZERO_LOST', 'LEADING_ZERO_LOST', 'LEADING_ZERO_LOST']);
  assert.equal(fr!.cell, 'C2');
  assert.match(fr!.message, /"1234" lost its leading zero/);
  assert.equal(fr!.suggestion, '01234');
  assert.equal(us!.suggestion, '02115');
  assert.equal(de!.suggestion, '01067');
  assert.deepEqual(
    result.records.map((r) => r.values.postalCode),
    ['01234', '02115', '75008', '01067'],
  );
});

test('a postal code typed too short is an error suggesting the leading zero, since a digit may be missing instead', () => {
  const result = check('customers', ['customerName', 'country', 'postalCode'], [['A', 'France', '1000']]);
  const p = one(result, 'LEADING_ZERO_LOST');
  assert.equal(p.severity, 'error');
  assert.equal(p.suggestion, '01000');
  assert.equal(result.records[0]!.values.postalCode, '1000');
});

test('a phone number turned into a number is read back with its 0 or + and suggested formatted', () => {
  const fields = ['customerName', 'contactEmail', 'phoneNumber'] as const;
  const result = check(
    'contacts',
    [...fields],
    [
      ['A', 'a@a.fr', 612345678],
      ['B', 'b@b.fr', 33612345678],
      ['C', 'c@c.fr', 12],
    ],
  );
  const [national, international, invalid] = result.problems;
  assert.equal(national!.code, 'PHONE_AS_NUMBER');
  assert.equal(national!.severity, 'warning');
  assert.equal(national!.suggestion, '+33 6 12 34 56 78');
  assert.match(national!.fix, /plain text/);
  assert.equal(international!.code, 'PHONE_AS_NUMBER');
  assert.equal(international!.suggestion, '+33 6 12 34 56 78');
  assert.equal(invalid!.code, 'PHONE_INVALID');
  assert.deepEqual(
    result.records.map((r) => r.values.phoneNumber),
    ['+33612345678', '+33612345678', '12'],
  );
});

test('scientific notation in a code field is an error: digits were lost', () => {
  const result = check(
    'contacts',
    ['customerName', 'customerId', 'contactEmail', 'phoneNumber'],
    [
      ['A', 1234567890123456, 'a@a.fr', '3.36123E+10'],
      ['B', '1,5E+15', 'b@b.fr', ''],
    ],
  );
  assert.deepEqual(codes(result), ['SCIENTIFIC_NOTATION', 'SCIENTIFIC_NOTATION', 'SCIENTIFIC_NOTATION']);
  assert.deepEqual(
    result.problems.map((p) => p.cell),
    ['B2', 'D2', 'B3'],
  );
  assert.ok(result.problems.every((p) => p.severity === 'error' && /digits were lost/.test(p.message) && /plain text/.test(p.fix)));
  const name = check('customers', ['customerName'], [['1E5 Studio']]);
  assert.deepEqual(codes(name), []);
});

test('every formula error value is reported as a failing formula', () => {
  const result = check(
    'customers',
    ['customerName', 'city'],
    FORMULA_ERRORS.map((e) => ['A', e]),
  );
  assert.equal(result.problems.length, FORMULA_ERRORS.length);
  assert.ok(result.problems.every((p) => p.code === 'FORMULA_ERROR' && p.severity === 'error' && p.column === 'B'));
  assert.match(result.problems[0]!.message, /formula in this cell fails \(#N\/A\)/);
});

test('a cell computed by a formula is a warning naming the result Upflow will receive', () => {
  const result = check('customers', ['customerName', 'city'], [['Acme', 'Paris']], { formulas: [['', '=B1']] });
  const p = one(result, 'FORMULA_CELL');
  assert.equal(p.cell, 'B2');
  assert.equal(p.severity, 'warning');
  assert.match(p.message, /computed by a formula; Upflow will receive its current result "Paris"/);
  const failing = check('customers', ['customerName', 'city'], [['Acme', '#REF!']], { formulas: [['', '=Z99']] });
  assert.deepEqual(codes(failing), ['FORMULA_ERROR']);
});
