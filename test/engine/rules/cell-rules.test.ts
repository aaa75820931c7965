import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, codes, one, withCode } from './helpers';

test('Customer name is required on every line of a template with customer details', () => {
  const result = check(
    'customers',
    ['customerName', 'city'],
    [
      ['Acme', 'Paris'],
      ['', 'Lyon'],
    ],
  );
  const p = one(result, 'REQUIRED');
  assert.equal(p.cell, 'A3');
  assert.equal(p.severity, 'error');
  assert.equal(p.field, 'customerName');
  assert.match(p.message, /Customer name is missing/);
  assert.deepEqual(
    result.records.map((r) => r.blocked),
    [false, true],
  );
});

test('a section flag is required once the line fills that section', () => {
  const contact = check(
    'contacts',
    ['customerName', 'contactEmail', 'firstName'],
    [
      ['Acme', '', 'Jane'],
      ['Beta', '', ''],
    ],
  );
  assert.equal(one(contact, 'REQUIRED').cell, 'B2');
  const group = check('customers', ['customerName', 'groupName', 'groupId'], [['Acme', '', 'C-1']]);
  assert.equal(one(group, 'REQUIRED').cell, 'B2');
  assert.match(one(group, 'REQUIRED').message, /Group name is missing/);
});

test('a flag without a column points at the cell that made it necessary', () => {
  const result = check('customers', ['customerName', 'groupId'], [['Acme', 'C-1']]);
  const p = one(result, 'REQUIRED');
  assert.equal(p.cell, 'B2');
  assert.match(p.message, /no column is mapped to Group name/);
});

test('"assign" needs an External ID on every line; "all" does not need one to assign', () => {
  const assign = check('assign', ['customerName', 'externalId', 'workflow'], [['Acme', '', 'Standard']]);
  assert.equal(one(assign, 'REQUIRED').cell, 'B2');
  const all = check('all', ['customerName', 'externalId', 'workflow'], [['Acme', '', 'Standard']]);
  assert.deepEqual(withCode(all, 'REQUIRED'), []);
});

test('a Main contact of FALSE or 0 does not make a contact email necessary', () => {
  const result = check(
    'contacts',
    ['customerName', 'contactEmail', 'mainContact'],
    [
      ['Acme', '', false],
      ['Beta', '', '0'],
    ],
  );
  assert.deepEqual(codes(result), []);
});

test('invalid emails get a plain reason naming the value', () => {
  const cases: Array<[string, RegExp, string?]> = [
    ['jane.doe.acme.com', /missing the @/],
    ['jane@@acme.com', /more than one @/, 'jane@acme.com'],
    ['jane@acme.com.', /ends with a dot/, 'jane@acme.com'],
    ['jane doe@acme.com', /contains a space/, 'janedoe@acme.com'],
    ['jane@acme', /end of its domain/],
    ['jane@acme..com', /two dots/, 'jane@acme.com'],
    ['a@b.com; c@d.com', /several addresses/],
  ];
  for (const [email, reason, suggestion] of cases) {
    const p = one(check('contacts', ['customerName', 'contactEmail'], [['Acme', email]]), 'EMAIL_INVALID');
    assert.equal(p.severity, 'error');
    assert.ok(p.message.includes(`"${email}"`), p.message);
    assert.match(p.message, reason);
    assert.ok(!/regex/i.test(p.message));
    assert.equal(p.suggestion, suggestion, email);
  }
});

test('a mistyped mail provider is a warning with the corrected address', () => {
  const result = check(
    'contacts',
    ['customerName', 'contactEmail'],
    [
      ['Acme', 'Jane.Doe@gmial.com'],
      ['Beta', 'joe@acme.con'],
    ],
  );
  const [gmail, con] = withCode(result, 'EMAIL_TYPO');
  assert.equal(gmail!.severity, 'warning');
  assert.equal(gmail!.suggestion, 'jane.doe@gmail.com');
  assert.equal(con!.suggestion, 'joe@acme.com');
  assert.deepEqual(
    result.records.map((r) => r.blocked),
    [false, false],
  );
  assert.equal(result.records[0]!.values.contactEmail, 'jane.doe@gmail.com'.replace('gmail', 'gmial'));
  assert.deepEqual(codes(check('contacts', ['customerName', 'contactEmail'], [['Acme', 'jane@gmail.com']])), []);
});

test('phone numbers are read for the line country, else the default country, and kept in E.164', () => {
  const fields = ['customerName', 'country', 'phoneNumber', 'contactEmail'] as const;
  const result = check(
    'contacts',
    [...fields],
    [
      ['Acme', 'France', '06 12 34 56 78', 'a@a.fr'],
      ['Beta', '', '01 42 68 53 00', 'b@b.fr'],
      ['Gamma', 'United Kingdom', '020 7946 0958', 'c@c.uk'],
      ['Delta', 'Germany', '+33 6 12 34 56 78', 'd@d.de'],
    ],
  );
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.values.phoneNumber),
    ['+33612345678', '+33142685300', '+442079460958', '+33612345678'],
  );
  const german = check('contacts', ['customerName', 'phoneNumber', 'contactEmail'], [['Acme', '030 901820', 'a@a.de']], { defaultCountry: 'DE' });
  assert.equal(german.records[0]!.values.phoneNumber, '+4930901820');
});

test('an invalid phone number is an error naming the value and the country it was read for', () => {
  const p = one(check('contacts', ['customerName', 'country', 'phoneNumber', 'contactEmail'], [['Acme', 'FR', '06 12 34', 'a@a.fr']]), 'PHONE_INVALID');
  assert.equal(p.cell, 'C2');
  assert.match(p.message, /"06 12 34" isn't a valid phone number for France/);
  assert.ok(!/E\.164/.test(p.message + p.fix));
});

test('a number of the right shape outside the ranges known to be in use is only a warning', () => {
  const result = check('contacts', ['customerName', 'contactEmail', 'phoneNumber'], [['Acme', 'a@a.fr', '+33 6 39 10 49 30']]);
  const p = one(result, 'PHONE_UNUSUAL');
  assert.equal(p.severity, 'warning');
  assert.equal(result.records[0]!.values.phoneNumber, '+33639104930');
  assert.equal(one(check('contacts', ['customerName', 'contactEmail', 'phoneNumber'], [['Acme', 'a@a.fr', '+33 6 39 10 49']]), 'PHONE_INVALID').severity, 'error');
});

test('VAT numbers are checked by country with jsvat', () => {
  const fields = ['customerName', 'country', 'vatNumber'] as const;
  const ok = check(
    'customers',
    [...fields],
    [
      ['A', 'France', 'FR40303265045'],
      ['B', 'Belgique', 'BE 0411.905.847'],
      ['C', 'US', 'US123456789'],
      ['D', '', 'GB980780684'],
    ],
  );
  assert.deepEqual(codes(ok), []);
  assert.equal(ok.records[1]!.values.vatNumber, 'BE0411905847');
  const bad = one(check('customers', [...fields], [['A', 'France', 'FR40303265046']]), 'VAT_INVALID');
  assert.match(bad.message, /"FR40303265046".*France VAT number/);
  assert.equal(bad.severity, 'error');
});

test('a VAT number of another country than the line is a warning; one without prefix is read for the line country', () => {
  const fields = ['customerName', 'country', 'vatNumber'] as const;
  const mismatch = one(check('customers', [...fields], [['A', 'Germany', 'FR40303265045']]), 'VAT_COUNTRY_MISMATCH');
  assert.equal(mismatch.severity, 'warning');
  assert.match(mismatch.message, /France VAT number.*Germany/);
  const bare = one(check('customers', [...fields], [['A', 'France', '40303265045']]), 'VAT_PREFIX_MISSING');
  assert.equal(bare.suggestion, 'FR40303265045');
  assert.equal(one(check('customers', [...fields], [['A', 'France', '12345']]), 'VAT_INVALID').cell, 'C2');
  assert.deepEqual(codes(check('customers', [...fields], [['A', 'Brazil', '12345']])), []);
});

test('postal codes are checked for countries postcode-validator knows', () => {
  const fields = ['customerName', 'country', 'postalCode'] as const;
  const ok = check(
    'customers',
    [...fields],
    [
      ['A', 'France', '75008'],
      ['B', 'UK', 'SW1A 2AA'],
      ['C', 'Pays-Bas', '1012 ab'],
      ['D', 'Zanzibar', 'whatever'],
    ],
  );
  assert.deepEqual(
    codes(ok).filter((c) => c !== 'COUNTRY_UNKNOWN'),
    [],
  );
  const bad = one(check('customers', [...fields], [['A', 'Allemagne', '101150']]), 'POSTAL_CODE_INVALID');
  assert.match(bad.message, /"101150" isn't a valid postal code for Germany/);
  assert.equal(bad.severity, 'error');
});

test('countries are recognised in English, French or as codes, and recorded as ISO codes', () => {
  const names = [
    'France',
    'FR',
    'Allemagne',
    'Germany',
    'United Kingdom',
    'Royaume-Uni',
    'UK',
    'USA',
    'États-Unis',
    'Belgique',
    'Suisse',
    'Espagne',
    'Italie',
    'Pays-Bas',
    'Luxembourg',
    'canada',
    ' Autriche',
    'Pologne',
    'Irlande',
    'FRA',
  ];
  const result = check(
    'customers',
    ['customerName', 'country'],
    names.map((n, i) => [`C${i}`, n]),
  );
  assert.deepEqual(withCode(result, 'COUNTRY_UNKNOWN'), []);
  assert.deepEqual(
    result.records.map((r) => r.values.country),
    ['FR', 'FR', 'DE', 'DE', 'GB', 'GB', 'GB', 'US', 'US', 'BE', 'CH', 'ES', 'IT', 'NL', 'LU', 'CA', 'AT', 'PL', 'IE', 'FR'],
  );
  const unknown = one(check('customers', ['customerName', 'country'], [['A', 'Frnace']]), 'COUNTRY_UNKNOWN');
  assert.equal(unknown.severity, 'warning');
  assert.equal(unknown.suggestion, 'France');
});

test("positions accept English and French labels and Upflow's display, recorded as API values", () => {
  const labels = ['Accounting', 'comptabilité', 'Comptable', 'Accountant', 'SALES', 'Commercial', 'Ventes', 'purchaser', 'Acheteur', 'Payer', 'Payeur'];
  const result = check(
    'contacts',
    ['customerName', 'contactEmail', 'position'],
    labels.map((l, i) => [`C${i}`, `c${i}@acme.com`, l]),
  );
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.values.position),
    ['ACCOUNTING', 'ACCOUNTING', 'ACCOUNTING', 'ACCOUNTING', 'SALES', 'SALES', 'SALES', 'PURCHASER', 'PURCHASER', 'PAYER', 'PAYER'],
  );
  const p = one(check('contacts', ['customerName', 'contactEmail', 'position'], [['A', 'a@acme.com', 'Acounting']]), 'POSITION_UNKNOWN');
  assert.equal(p.suggestion, 'Accounting');
  assert.equal(p.cell, 'C2');
});

test('Main contact takes 1, checkboxes and yes/oui/x; 0 and FALSE mean not main; anything else is an error', () => {
  const values = ['1', 1, true, 'TRUE', 'vrai', 'Oui', 'yes', 'x', '0', 0, false, 'FALSE', 'faux', 'non', ''];
  const result = check(
    'contacts',
    ['customerName', 'contactEmail', 'mainContact'],
    values.map((v, i) => [`C${i}`, `c${i}@acme.com`, v]),
  );
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.values.mainContact),
    ['1', '1', '1', '1', '1', '1', '1', '1', undefined, undefined, undefined, undefined, undefined, undefined, undefined],
  );
  const p = one(check('contacts', ['customerName', 'contactEmail', 'mainContact'], [['A', 'a@acme.com', '2']]), 'MAIN_CONTACT_INVALID');
  assert.match(p.message, /"2"/);
});

test('account manager lists: comma or semicolon separated, each a valid email, no duplicates', () => {
  const fields = ['customerName', 'externalId', 'accountManagers'] as const;
  const ok = check('assign', [...fields], [['A', 'C-1', 'Camille.Dubois@example.com; john.smith@example.com']]);
  assert.deepEqual(codes(ok), []);
  assert.equal(ok.records[0]!.values.accountManagers, 'camille.dubois@example.com,john.smith@example.com');
  const dup = one(check('assign', [...fields], [['A', 'C-1', 'a@example.com, A@example.com']]), 'ACCOUNT_MANAGER_DUPLICATE');
  assert.equal(dup.suggestion, 'a@example.com');
  const bad = one(check('assign', [...fields], [['A', 'C-1', 'a@example.com, bexample.com']]), 'ACCOUNT_MANAGER_INVALID');
  assert.match(bad.message, /"bexample.com" is missing the @/);
});

test('values longer than the catalog allows are errors', () => {
  const p = one(check('customers', ['customerName', 'postalCode'], [['A'.repeat(256), '']]), 'TOO_LONG');
  assert.equal(p.cell, 'A2');
  assert.match(p.message, /256 characters.*255/);
});

test('countries written as people write them are recognised: ISO names in English and French, codes and common variants', () => {
  const names = [
    'Russia',
    'South Korea',
    'Vietnam',
    'U.K.',
    'UK',
    'USA',
    'Holland',
    'France métropolitaine',
    'La Réunion',
    'Nouvelle-Calédonie',
    'Cameroun',
    'Corée du Sud',
    'KOR',
    'Korea, Republic of',
  ];
  const result = check(
    'customers',
    ['customerName', 'country'],
    names.map((n, i) => [`C${i}`, n]),
  );
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.values.country),
    ['RU', 'KR', 'VN', 'GB', 'GB', 'US', 'NL', 'FR', 'RE', 'NC', 'CM', 'KR', 'KR', 'KR'],
  );
});

test('a phone on a line whose country is not recognised is never given a guessed country code', () => {
  const fields = ['customerName', 'country', 'phoneNumber', 'contactEmail'] as const;
  const result = check(
    'contacts',
    [...fields],
    [
      ['Acme', 'Narnia', '06 71 23 45 67', 'a@a.cm'],
      ['Acme', 'Narnia', '+237 6 71 23 45 67', 'b@a.cm'],
    ],
  );
  const warning = one(result, 'PHONE_COUNTRY_UNKNOWN');
  assert.equal(warning.severity, 'warning');
  assert.match(warning.fix, /international format/);
  assert.deepEqual(
    result.records.map((r) => r.values.phoneNumber),
    ['06 71 23 45 67', '+237671234567'],
  );
  const cameroon = check('contacts', [...fields], [['Acme', 'Cameroun', '6 71 23 45 67', 'a@a.cm']]);
  assert.equal(cameroon.records[0]!.values.phoneNumber, '+237671234567');
});

test('French overseas numbers get their own country code, even on a line whose country is France', () => {
  const fields = ['customerName', 'country', 'phoneNumber', 'contactEmail'] as const;
  const result = check(
    'contacts',
    [...fields],
    [
      ['Acme', 'France', '0692 12 34 56', 'a@a.re'],
      ['Beta', 'Guadeloupe', '06 12 34 56 78', 'b@a.re'],
    ],
  );
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.values.phoneNumber),
    ['+262692123456', '+33612345678'],
  );
});

test('phones written with an international prefix other than + or with an extension are read', () => {
  const fields = ['customerName', 'country', 'phoneNumber', 'contactEmail'] as const;
  const rows = [
    ['A', 'USA', '011 33 1 42 68 53 00', 'a@a.fr'],
    ['B', 'France', '001 212 555 0100', 'b@a.fr'],
    ['C', 'Narnia', '0033 6 12 34 56 78', 'c@a.fr'],
    ['D', 'France', '01 42 68 53 00 poste 123', 'd@a.fr'],
    ['E', 'UK', '020 7946 0958 ext. 12', 'e@a.fr'],
  ];
  const result = check('contacts', [...fields], rows);
  assert.deepEqual(codes(result), ['COUNTRY_UNKNOWN']);
  assert.deepEqual(
    result.records.map((r) => r.values.phoneNumber),
    ['+33142685300', '+12125550100', '+33612345678', '+33142685300 ext. 123', '+442079460958 ext. 12'],
  );
});

test('VAT placeholders are warnings naming the value, with "leave it empty" as the fix, and are not sent', () => {
  const fields = ['customerName', 'country', 'vatNumber'] as const;
  const placeholders = ['N/A', 'NC', 'Particulier', 'Exonéré', 'TBD'];
  const result = check(
    'customers',
    [...fields],
    placeholders.map((v, i) => [`C${i}`, 'France', v]),
  );
  const found = withCode(result, 'VAT_PLACEHOLDER');
  assert.deepEqual(
    found.map((p) => p.severity),
    placeholders.map(() => 'warning'),
  );
  assert.match(found[0]!.message, /"N\/A"/);
  assert.match(found[0]!.fix, /[Ll]eave the VAT number empty/);
  assert.deepEqual(
    result.records.map((r) => r.values.vatNumber),
    placeholders.map(() => undefined),
  );
});

test('VAT numbers written with a colon, brackets or a digit short are read and sent in the compact form', () => {
  const fields = ['customerName', 'country', 'vatNumber'] as const;
  const rows = [
    ['A', 'Italy', 'IT: 02331250163'],
    ['B', 'Belgium', 'BE (0)468.561.072'],
    ['C', 'Belgium', 'BE 468 561 072'],
    ['D', 'Netherlands', 'NL10433946B01'],
  ];
  const result = check('customers', [...fields], rows);
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.values.vatNumber),
    ['IT02331250163', 'BE0468561072', 'BE0468561072', 'NL010433946B01'],
  );
  assert.equal(one(check('customers', [...fields], [['A', 'France', 'FR41303265045']]), 'VAT_INVALID').severity, 'error', 'the French key is checked');
});

test('postal codes with a country prefix or CEDEX are accepted and sent plain', () => {
  const fields = ['customerName', 'country', 'postalCode'] as const;
  const rows = [
    ['A', 'Germany', 'D-10115'],
    ['B', 'France', 'F-75008'],
    ['C', 'France', '75008 CEDEX'],
    ['D', 'Switzerland', 'CH-1201'],
    ['E', 'France', '92042 Cedex 08'],
    ['F', 'Luxembourg', 'L-1009'],
  ];
  const result = check('customers', [...fields], rows);
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.values.postalCode),
    ['10115', '75008', '75008', '1201', '92042', '1009'],
  );
  assert.equal(one(check('customers', [...fields], [['A', 'Germany', 'F-75008']]), 'POSTAL_CODE_INVALID').severity, 'error', "another country's prefix is not dropped");
});

test('emails are judged as a mail server would: accented domains yes, over-long parts no', () => {
  const fields = ['customerName', 'contactEmail'] as const;
  const fine = check(
    'contacts',
    [...fields],
    [
      ['A', 'contact@société.fr'],
      ['B', 'info@münchen.de'],
    ],
  );
  assert.deepEqual(codes(fine), []);
  const longLocal = `${'a'.repeat(65)}@acme.fr`;
  const longLabel = `a@${'b'.repeat(64)}.fr`;
  const bad = check(
    'contacts',
    [...fields],
    [
      ['A', longLocal],
      ['B', longLabel],
      ['C', 'andré@acme.fr'],
    ],
  );
  assert.deepEqual(codes(bad), ['EMAIL_INVALID', 'EMAIL_INVALID', 'EMAIL_INVALID']);
  assert.match(bad.problems[0]!.message, /65 characters before the @/);
  assert.match(bad.problems[1]!.message, /longer than the 63 characters/);
});
