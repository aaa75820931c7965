import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { FIELD_IDS } from '../../../src/engine/fields';
import { FORMULA_ERRORS, type CellValue } from '../../../src/engine/cell';
import { TEMPLATE_IDS } from '../../../src/engine/templates';
import { SOURCE_SYSTEMS } from '../../../src/engine/source-system';
import { checkLines } from '../../../src/engine/rules';
import { fastE164 } from '../../../src/engine/rules/phone-fast';
import { columnIndex } from '../../../src/engine/a1';

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    ...FORMULA_ERRORS,
    ' ',
    '\u00a0',
    '\u200b',
    '1',
    '0',
    'TRUE',
    'oui',
    'France',
    'FR',
    '+33 6 12 34 56 78',
    '0612345678',
    'a@b.co',
    'a@@b',
    'FR40303265045',
    '75008',
    '3.36123E+10',
    'Standard',
    'x, y; z',
  ),
  fc.emailAddress(),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e300, 33612345678, 612345678, 1234, 0, -1),
  fc.boolean(),
  fc.date(),
  fc.constant(new Date(NaN)),
);
const member = fc.record({ id: fc.string(), email: fc.oneof(fc.emailAddress(), fc.string()), position: fc.option(fc.constantFrom('ACCOUNT_MANAGER', 'FINANCE_USER', 'x')) });

test('Check never throws, and every problem points at a mapped cell inside the grid', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
      fc.dictionary(fc.constantFrom(...FIELD_IDS), fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: -3, max: 3 }))),
      fc.constantFrom(...TEMPLATE_IDS),
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 0, max: 40 }),
      fc.option(
        fc.record({
          members: fc.option(fc.array(member, { maxLength: 4 }), { nil: undefined }),
          workflows: fc.option(fc.array(fc.record({ id: fc.string(), name: fc.oneof(fc.string(), fc.constantFrom('Standard', 'Key accounts')) }), { maxLength: 4 }), {
            nil: undefined,
          }),
          customers: fc.option(fc.array(fc.record({ name: fc.string(), externalId: fc.option(fc.string()) }), { maxLength: 4 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      fc.constantFrom('FR', 'DE', 'US', 'GB', 'ZZ', ''),
      fc.boolean(),
      fc.constantFrom(...SOURCE_SYSTEMS),
      (rows, columns, template, firstRow, firstColumn, org, defaultCountry, withFormulas, sourceSystem) => {
        const formulas = withFormulas ? rows.map((r) => r.map((_, j) => (j % 2 ? '=A1' : ''))) : undefined;
        const result = checkLines({ rows, firstRow, firstColumn, ...(formulas ? { formulas } : {}) }, columns, { template, defaultCountry, sourceSystem, ...(org ? { org } : {}) });
        const mappedColumns = new Set(
          Object.values(columns)
            .filter((c) => c >= 0)
            .map((c) => firstColumn + c),
        );
        for (const p of result.problems) {
          assert.ok(p.row >= firstRow && p.row < firstRow + rows.length, `row ${p.row} outside the grid`);
          assert.ok(mappedColumns.has(columnIndex(p.column)), `column ${p.column} is not mapped`);
          assert.equal(p.cell, `${p.column}${p.row}`);
          assert.ok(p.message.length > 0 && p.fix.length > 0);
        }
        assert.equal(result.stats.rows, rows.length);
        assert.equal(result.records.length + result.stats.blankRows, rows.length);
        assert.equal(result.stats.errors + result.stats.warnings, result.problems.length);
        for (let k = 1; k < result.problems.length; k++) {
          const a = result.problems[k - 1]!,
            b = result.problems[k]!;
          assert.ok(a.row < b.row || (a.row === b.row && columnIndex(a.column) <= columnIndex(b.column)), 'problems sorted');
        }
        for (const record of result.records) {
          const blocked = result.problems.some((p) => p.row === record.row && p.severity === 'error');
          assert.equal(record.blocked, blocked);
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('the fast phone path agrees with libphonenumber-js whenever it answers', () => {
  const countries = ['FR', 'DE', 'GB', 'US', 'BE', 'CH', 'ES', 'IT', 'NL', 'LU', 'IE', 'PT', 'AT', 'PL', 'SE', 'DK', 'CA', 'MA', 'BR', 'AU'];
  const phone = fc.tuple(fc.constantFrom('+', '0', '00', '+33', '+44', '+1', '+49', '+32', '+41', ''), fc.stringMatching(/^[0-9 .-]{4,16}$/));
  let answered = 0;
  fc.assert(
    fc.property(phone, fc.constantFrom(...countries), ([prefix, digits], country) => {
      const text = prefix + digits;
      const fast = fastE164(text, country);
      if (fast === undefined) return;
      answered++;
      const slow = parsePhoneNumberFromString(text, country as CountryCode);
      assert.ok(slow?.isValid(), `${text} (${country}): fast path says valid`);
      assert.equal(fast, slow?.number);
    }),
    { numRuns: 5000 },
  );
  const samples: Array<[string, string]> = [
    ['06 12 34 56 78', 'FR'],
    ['+33 1 42 68 53 00', 'FR'],
    ['+49 30 901820', 'FR'],
    ['030 901820', 'DE'],
    ['+32 2 511 11 11', 'BE'],
  ];
  for (const [text, country] of samples) assert.equal(fastE164(text, country), parsePhoneNumberFromString(text, country as CountryCode)!.number, text);
  assert.ok(answered > 0, 'the property must exercise the fast path');
});

test("on every country's example numbers, the fast phone path answers like libphonenumber-js or defers", () => {
  let answered = 0;
  for (const country of getCountries()) {
    const example = getExampleNumber(country, examples);
    if (!example) continue;
    for (const text of [example.formatNational(), example.formatInternational(), example.number]) {
      const fast = fastE164(text, country);
      if (fast === undefined) continue;
      answered++;
      const slow = parsePhoneNumberFromString(text, country);
      assert.ok(slow?.isValid(), `${text} (${country}): fast path says valid`);
      assert.equal(fast, slow?.number, `${text} (${country})`);
    }
  }
  assert.ok(answered > 300, `only ${answered} example numbers went through the fast path`);
});
