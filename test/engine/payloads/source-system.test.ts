import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, importJob, jobOf, line, plan } from './fixtures';

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
  const { jobs } = plan([line(2, FULL_LINE)], { sourceSystem: 'API' });
  const job = importJob(jobs, 'id:C1');
  assert.deepEqual(job.body, {
    name: 'Acme',
    externalId: 'C1',
    address: { city: 'Paris' },
    accountManagerId: 'm-john',
    dunningPlanId: 'wf-standard',
    contacts: [{ email: 'a@acme.fr', firstName: 'Ann' }],
  });
  assert.equal(job.parentName, 'Group');
  assert.deepEqual(job.dropped, []);
});

test('native accounting: an assignment by ID carrying only managers and workflow', () => {
  const { jobs } = plan([line(2, FULL_LINE)], { sourceSystem: 'NATIVE_ACCOUNTING' });
  const job = jobOf(jobs, 'id:C1');
  assert.equal(job.mode, 'assign');
  assert.deepEqual(job.body, { name: 'Acme', externalId: 'C1', accountManagerId: 'm-john', dunningPlanId: 'wf-standard' });
  assert.deepEqual([job.parentKey, job.parentName, job.level], [null, null, 0]);
  assert.deepEqual(job.dropped, ['customer details', 'contacts']);
});

test('native accounting: a line without External ID or Customer ID cannot be assigned', () => {
  const { jobs, skippedRows, problems } = plan([line(2, { customerName: 'Acme', workflow: 'Standard' })], { sourceSystem: 'NATIVE_ACCOUNTING' });
  assert.deepEqual(jobs, []);
  assert.deepEqual(skippedRows, [2]);
  assert.deepEqual(codes(problems), ['EXTERNAL_ID_NEEDED']);
});

test('Salesforce + API: details and the workflow are imported, contacts and managers dropped', () => {
  const { jobs, problems } = plan([line(2, FULL_LINE)], { sourceSystem: 'SALESFORCE_API' });
  const job = importJob(jobs, 'id:C1');
  assert.deepEqual(job.body, { name: 'Acme', externalId: 'C1', address: { city: 'Paris' }, dunningPlanId: 'wf-standard' });
  assert.deepEqual(job.accountManagerIds, []);
  assert.deepEqual(job.dropped, ['contacts', 'account managers']);
  assert.deepEqual(problems, [], 'dropped managers are not resolved, so not reported');
});

test('dropped lists only the parts the lines fill', () => {
  const { jobs } = plan([line(2, { customerName: 'Acme', city: 'Paris' })], { sourceSystem: 'SALESFORCE_API' });
  assert.deepEqual(jobOf(jobs, 'name:acme').dropped, []);
});

test('Salesforce + native: only workflows are assigned (Salesforce syncs the account owner, not workflows)', () => {
  const { jobs, skippedRows } = plan([line(3, FULL_LINE), line(4, { ...FULL_LINE, contactEmail: 'b@acme.fr' }), line(5, { customerName: 'X' }, true)], {
    sourceSystem: 'SALESFORCE_NATIVE',
  });
  const job = jobOf(jobs, 'id:C1');
  assert.equal(job.mode, 'assign');
  assert.deepEqual(job.body, { name: 'Acme', externalId: 'C1', dunningPlanId: 'wf-standard' });
  assert.deepEqual(job.accountManagerIds, []);
  assert.deepEqual(job.dropped, ['customer details', 'contacts', 'account managers']);
  assert.deepEqual(skippedRows, [5]);
});

test('the assign template always assigns, found by External ID, even with an API source', () => {
  const { jobs } = plan(
    [
      line(2, { customerName: 'Acme', externalId: 'C-1001', accountManagers: 'camille.dubois@example.com, john.smith@example.com', workflow: 'Key accounts' }),
      line(3, { externalId: 'C-2001', workflow: 'Standard' }),
    ],
    { template: 'assign' },
  );
  assert.deepEqual(
    jobs.map((j) => [j.mode, j.key, j.externalId]),
    [
      ['assign', 'id:C-1001', 'C-1001'],
      ['assign', 'id:C-2001', 'C-2001'],
    ],
  );
  assert.deepEqual(jobOf(jobs, 'id:C-1001').accountManagerIds, ['m-camille', 'm-john']);
  assert.deepEqual(jobOf(jobs, 'id:C-2001').body, { externalId: 'C-2001', dunningPlanId: 'wf-standard' });
});

test('an assignment prefers External ID over a different Customer ID', () => {
  const { jobs, problems } = plan([line(2, { customerName: 'Acme', customerId: 'C1', externalId: 'X1', workflow: 'Standard' })], { sourceSystem: 'NATIVE_ACCOUNTING' });
  assert.equal(jobOf(jobs, 'id:X1').body.externalId, 'X1');
  assert.deepEqual(
    problems.map((p) => [p.code, p.field]),
    [['IDS_DIFFER', 'customerId']],
  );
});

test('Salesforce + API with the assign template: the workflow is assigned, the account manager dropped', () => {
  const { jobs, problems } = plan([line(2, { externalId: 'C1', workflow: 'Standard', accountManagers: 'john.smith@example.com' })], {
    template: 'assign',
    sourceSystem: 'SALESFORCE_API',
  });
  assert.deepEqual(jobOf(jobs, 'id:C1').body, { externalId: 'C1', dunningPlanId: 'wf-standard' });
  assert.deepEqual(jobOf(jobs, 'id:C1').dropped, ['account managers']);
  assert.deepEqual(codes(problems), []);
});
