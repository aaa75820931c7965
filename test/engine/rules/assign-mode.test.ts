/**
 * An assignment (template "assign", or a source system that keeps customer details to itself)
 * sends only the customer's identity, account managers and workflow: Check blocks a line only for
 * those (issue 12).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildImportPlan } from '../../../src/engine/payloads';
import type { FieldId } from '../../../src/engine/fields';
import { check, codes } from './helpers';

const FIELDS: FieldId[] = ['customerName', 'externalId', 'postalCode', 'vatNumber', 'contactEmail', 'phoneNumber', 'groupId', 'accountManagers', 'workflow'];
const MEMBERS = [{ id: 'm1', email: 'camille.dubois@example.com', firstName: 'Camille', lastName: 'Dubois', position: 'ACCOUNT_MANAGER' }];
const WORKFLOWS = [{ id: 'w1', name: 'Standard' }];
/** A line whose customer details are all wrong, but whose assignment is right. */
const MESSY = ['Boulangeries Martin', 'C-1001', '7500', 'FR123', 'claire.martin', '12', 'G-404', 'camille.dubois@example.com', 'Standard'];

test('without the right to change details, postal code, VAT, email, phone and group do not block the line', () => {
  const org = { members: MEMBERS, workflows: WORKFLOWS } as never;
  const imported = check('all', FIELDS, [MESSY], { org, sourceSystem: 'API' });
  assert.ok(imported.records[0]!.blocked, 'an import sends those details: the line is blocked');
  const assigned = check('all', FIELDS, [MESSY, ['Acme Ltd', 'C-2001', '', '', '', '', '', 'nobody@example.com', 'Standard']], { org, sourceSystem: 'NATIVE_ACCOUNTING' });
  assert.deepEqual(
    assigned.records.map((r) => r.blocked),
    [false, true],
    'only the unknown account manager blocks a line',
  );
  assert.ok(
    assigned.problems.every((p) => ['externalId', 'customerName', 'customerId', 'accountManagers', 'workflow'].includes(p.field ?? '')),
    codes(assigned).join(),
  );
  // What Check lets through, the assignment sends.
  const plan = buildImportPlan(assigned.records, {
    template: 'all',
    sourceSystem: 'NATIVE_ACCOUNTING',
    members: MEMBERS,
    workflows: WORKFLOWS,
    fieldColumns: Object.fromEntries(FIELDS.map((f, i) => [f, i])),
  });
  assert.deepEqual(plan.skippedRows, [3]);
});

test('an assignment still needs the External ID that finds the customer', () => {
  const assigned = check('customers', ['customerName', 'externalId', 'postalCode'], [['Acme Ltd', '', 'ABC']], { sourceSystem: 'SALESFORCE_NATIVE' });
  assert.ok(assigned.records[0]!.blocked);
  assert.ok(!codes(assigned).includes('POSTAL_CODE_INVALID'), codes(assigned).join());
});

test('a source system that keeps account managers to itself does not block a line for them either', () => {
  const assigned = check('all', FIELDS, [MESSY.map((v, i) => (FIELDS[i] === 'accountManagers' ? 'nobody@example.com' : v))], {
    org: { members: MEMBERS, workflows: WORKFLOWS },
    sourceSystem: 'SALESFORCE_NATIVE',
  });
  assert.deepEqual(
    assigned.records.map((r) => r.blocked),
    [false],
  );
});

test('a pulled line without a Customer ID is assigned by its Upflow ID when the source system keeps customer details', () => {
  const result = check('customers', ['customerName', 'upflowId', 'accountManagers'], [['Acme', 'cus_1', 'camille.dubois@example.com']], {
    org: { members: MEMBERS, workflows: WORKFLOWS },
    sourceSystem: 'NATIVE_ACCOUNTING',
  });
  assert.deepEqual(codes(result), []);
  assert.deepEqual(
    result.records.map((r) => r.blocked),
    [false],
  );
});
