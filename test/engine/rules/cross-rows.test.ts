import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, codes, one, withCode } from './helpers';

const contactFields = ['customerName', 'customerId', 'contactEmail', 'mainContact'] as const;

test('a second main contact on the same customer is an error on its Main contact cell', () => {
  const result = check(
    'contacts',
    [...contactFields],
    [
      ['Acme', 'C-1', 'a@acme.com', '1'],
      ['Acme', 'C-1', 'b@acme.com', ''],
      ['Acme', 'C-1', 'c@acme.com', true],
      ['Beta', 'C-2', 'd@beta.com', '1'],
    ],
  );
  const p = one(result, 'MAIN_CONTACT_DUPLICATE');
  assert.equal(p.cell, 'D4');
  assert.match(p.message, /"Acme" already has its main contact on row 2/);
  assert.deepEqual(
    result.records.map((r) => r.blocked),
    [false, false, true, false],
  );
});

test('repeated lines of a customer must agree on its details; an empty cell is fine', () => {
  const fields = ['customerName', 'customerId', 'postalCode', 'workflow', 'contactEmail'] as const;
  const result = check(
    'all',
    [...fields],
    [
      ['Acme', 'C-1', '75008', 'Standard', 'a@acme.com'],
      ['ACME', 'C-1', '', 'Standard', 'b@acme.com'],
      ['Acme', 'C-1', '75009', '', 'c@acme.com'],
    ],
  );
  const p = one(result, 'CUSTOMER_DETAILS_DIFFER');
  assert.equal(p.cell, 'C4');
  assert.match(p.message, /"75009" differs from "75008" on row 2/);
});

test('customers without ID are identified by name, whatever the case and spacing', () => {
  const result = check(
    'contacts',
    ['customerName', 'city', 'contactEmail'],
    [
      ['Acme  Ltd', 'Paris', 'a@acme.com'],
      ['acme ltd', 'Lyon', 'b@acme.com'],
    ],
  );
  assert.equal(one(result, 'CUSTOMER_DETAILS_DIFFER').cell, 'B3');
});

test('two customers may share a name when their Customer IDs differ', () => {
  const result = check(
    'customers',
    ['customerName', 'customerId', 'city'],
    [
      ['Acme', 'C-1', 'Paris'],
      ['Acme', 'C-2', 'Lyon'],
    ],
  );
  assert.deepEqual(codes(result), []);
});

test('a shared name with a line lacking its Customer ID is ambiguous', () => {
  const result = check(
    'customers',
    ['customerName', 'customerId'],
    [
      ['Acme', 'C-1'],
      ['Acme', ''],
    ],
  );
  const p = one(result, 'CUSTOMER_ID_NEEDED');
  assert.equal(p.cell, 'B3');
  assert.equal(p.suggestion, 'C-1');
  const several = one(
    check(
      'customers',
      ['customerName', 'customerId'],
      [
        ['Acme', 'C-1'],
        ['Acme', 'C-2'],
        ['acme', ''],
      ],
    ),
    'CUSTOMER_ID_NEEDED',
  );
  assert.equal(several.suggestion, undefined);
  assert.match(several.message, /C-1, C-2/);
});

test('in "all", a Customer ID and an External ID that differ on one line are an error', () => {
  const result = check(
    'all',
    ['customerName', 'customerId', 'externalId'],
    [
      ['Acme', 'C-1', 'X-1'],
      ['Beta', 'C-2', 'C-2'],
    ],
  );
  assert.equal(one(result, 'EXTERNAL_ID_DIFFERS').cell, 'C2');
});

test('a contact email belongs to one customer; the same contact twice on a customer is a warning', () => {
  const result = check(
    'contacts',
    ['customerName', 'contactEmail'],
    [
      ['Acme', 'jane@acme.com'],
      ['Acme', 'JANE@acme.com'],
      ['Beta', 'jane@acme.com'],
    ],
  );
  const duplicate = one(result, 'CONTACT_DUPLICATE');
  assert.equal(duplicate.severity, 'warning');
  assert.equal(duplicate.cell, 'B3');
  const reused = one(result, 'EMAIL_REUSED');
  assert.equal(reused.severity, 'error');
  assert.equal(reused.cell, 'B4');
  assert.match(reused.message, /already a contact of "Acme" on row 2/);
});

const groupFields = ['customerName', 'customerId', 'groupName', 'groupId'] as const;

test('a group that is a customer of the sheet or of Upflow is fine', () => {
  const result = check(
    'customers',
    [...groupFields],
    [
      ['Martin', 'C-1', '', ''],
      ['Martin Lyon', 'C-2', 'martin', 'C-1'],
      ['Acme Paris', 'C-3', 'Acme Group', ''],
    ],
    { org: { customers: [{ name: 'Acme Group', externalId: 'G-9' }] } },
  );
  assert.deepEqual(codes(result), []);
});

test('a group found nowhere is an error when Upflow customers are known, a warning otherwise', () => {
  const rows = [['Martin Lyon', 'C-2', 'Martin', '']];
  const known = one(check('customers', [...groupFields], rows, { org: { customers: [] } }), 'GROUP_NOT_FOUND');
  assert.equal(known.severity, 'error');
  assert.equal(known.cell, 'C2');
  const unknown = one(check('customers', [...groupFields], rows), 'GROUP_NOT_CHECKED');
  assert.equal(unknown.severity, 'warning');
  assert.match(unknown.message, /couldn't be checked/);
});

test('circles of groups are errors on every customer in the circle, however long', () => {
  const two = check(
    'customers',
    [...groupFields],
    [
      ['A', 'C-1', 'B', ''],
      ['B', 'C-2', 'A', ''],
    ],
  );
  assert.deepEqual(
    withCode(two, 'GROUP_CYCLE').map((p) => p.cell),
    ['C2', 'C3'],
  );
  const three = check(
    'customers',
    [...groupFields],
    [
      ['A', 'C-1', '', 'C-2'],
      ['B', 'C-2', '', 'C-3'],
      ['C', 'C-3', '', 'C-1'],
      ['D', 'C-4', 'A', ''],
    ],
  );
  const cycles = withCode(three, 'GROUP_CYCLE');
  assert.deepEqual(
    cycles.map((p) => p.cell),
    ['D2', 'D3', 'D4'],
  );
  assert.match(cycles[0]!.message, /A → B → C → A/);
});
