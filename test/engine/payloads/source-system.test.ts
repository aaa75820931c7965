import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, importRequest, requestOf, line, plan } from './fixtures';

const FULL_LINE = {
  customerName: 'Acme',
  customerId: 'C1',
  city: 'Paris',
  groupName: 'Group',
  accountManagers: 'john.smith@example.com',
  workflow: 'Standard',
  contactEmail: 'a@acme.fr',
  firstName: 'Ann',
} as const;

test('API: everything is sent, nothing dropped', () => {
  const { requests } = plan([line(2, FULL_LINE)], { sourceSystem: 'API' });
  const request = importRequest(requests, 'id:C1');
  assert.deepEqual(request.body, {
    name: 'Acme',
    externalId: 'C1',
    address: { city: 'Paris' },
    accountManagerId: 'm-john',
    dunningPlanId: 'wf-standard',
    contacts: [{ email: 'a@acme.fr', firstName: 'Ann' }],
  });
  assert.equal(request.parentName, 'Group');
  assert.deepEqual(request.dropped, []);
});

test('native accounting: an assignment by ID carrying only managers and workflow', () => {
  const { requests } = plan([line(2, FULL_LINE)], { sourceSystem: 'NATIVE_ACCOUNTING' });
  const request = requestOf(requests, 'id:C1');
  assert.equal(request.mode, 'assign');
  assert.deepEqual(request.body, { name: 'Acme', externalId: 'C1', accountManagerId: 'm-john', dunningPlanId: 'wf-standard' });
  assert.deepEqual([request.parentKey, request.parentName, request.level], [null, null, 0]);
  assert.deepEqual(request.dropped, ['customer details', 'contacts']);
});

test('native accounting: a line without External ID or Customer ID cannot be assigned', () => {
  const { requests, skippedRows, problems } = plan([line(2, { customerName: 'Acme', workflow: 'Standard' })], { sourceSystem: 'NATIVE_ACCOUNTING' });
  assert.deepEqual(requests, []);
  assert.deepEqual(skippedRows, [2]);
  assert.deepEqual(codes(problems), ['EXTERNAL_ID_NEEDED']);
});

test('Salesforce + API: details and the workflow are imported, contacts and managers dropped', () => {
  const { requests, problems } = plan([line(2, FULL_LINE)], { sourceSystem: 'SALESFORCE_API' });
  const request = importRequest(requests, 'id:C1');
  assert.deepEqual(request.body, { name: 'Acme', externalId: 'C1', address: { city: 'Paris' }, dunningPlanId: 'wf-standard' });
  assert.deepEqual(request.accountManagerIds, []);
  assert.deepEqual(request.dropped, ['contacts', 'account managers']);
  assert.deepEqual(problems, [], 'dropped managers are not resolved, so not reported');
});

test('dropped lists only the parts the lines fill', () => {
  const { requests } = plan([line(2, { customerName: 'Acme', city: 'Paris' })], { sourceSystem: 'SALESFORCE_API' });
  assert.deepEqual(requestOf(requests, 'name:acme').dropped, []);
});

test('Salesforce + native: only workflows are assigned (Salesforce syncs the account owner, not workflows)', () => {
  const { requests, skippedRows } = plan([line(3, FULL_LINE), line(4, { ...FULL_LINE, contactEmail: 'b@acme.fr' }), line(5, { customerName: 'X' }, true)], {
    sourceSystem: 'SALESFORCE_NATIVE',
  });
  const request = requestOf(requests, 'id:C1');
  assert.equal(request.mode, 'assign');
  assert.deepEqual(request.body, { name: 'Acme', externalId: 'C1', dunningPlanId: 'wf-standard' });
  assert.deepEqual(request.accountManagerIds, []);
  assert.deepEqual(request.dropped, ['customer details', 'contacts', 'account managers']);
  assert.deepEqual(skippedRows, [5]);
});

test('the assign template always assigns, found by External ID, even with an API source', () => {
  const { requests } = plan(
    [
      line(2, { customerName: 'Acme', externalId: 'C-1001', accountManagers: 'camille.dubois@example.com, john.smith@example.com', workflow: 'Key accounts' }),
      line(3, { externalId: 'C-2001', workflow: 'Standard' }),
    ],
    { template: 'assign' },
  );
  assert.deepEqual(
    requests.map((j) => [j.mode, j.key, j.externalId]),
    [
      ['assign', 'id:C-1001', 'C-1001'],
      ['assign', 'id:C-2001', 'C-2001'],
    ],
  );
  assert.deepEqual(requestOf(requests, 'id:C-1001').accountManagerIds, ['m-camille', 'm-john']);
  assert.deepEqual(requestOf(requests, 'id:C-2001').body, { externalId: 'C-2001', dunningPlanId: 'wf-standard' });
});

test('an assignment prefers External ID over a different Customer ID', () => {
  const { requests, problems } = plan([line(2, { customerName: 'Acme', customerId: 'C1', externalId: 'X1', workflow: 'Standard' })], { sourceSystem: 'NATIVE_ACCOUNTING' });
  assert.equal(requestOf(requests, 'id:X1').body.externalId, 'X1');
  assert.deepEqual(
    problems.map((p) => [p.code, p.field]),
    [['EXTERNAL_ID_DIFFERS', 'customerId']],
  );
});

test('Salesforce + API with the assign template: the workflow is assigned, the account manager dropped', () => {
  const { requests, problems } = plan([line(2, { externalId: 'C1', workflow: 'Standard', accountManagers: 'john.smith@example.com' })], {
    template: 'assign',
    sourceSystem: 'SALESFORCE_API',
  });
  assert.deepEqual(requestOf(requests, 'id:C1').body, { externalId: 'C1', dunningPlanId: 'wf-standard' });
  assert.deepEqual(requestOf(requests, 'id:C1').dropped, ['account managers']);
  assert.deepEqual(codes(problems), []);
});
