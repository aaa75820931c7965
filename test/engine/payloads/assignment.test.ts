import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, importRequest, requestOf, line, plan } from './fixtures';

test('manager emails resolve to member ids whatever their case; the first is accountManagerId', () => {
  const { requests, problems } = plan([line(2, { customerName: 'Acme', accountManagers: 'john.smith@example.com,camille.dubois@example.com' })]);
  const request = importRequest(requests, 'name:acme');
  assert.deepEqual(request.accountManagerIds, ['m-john', 'm-camille']);
  assert.equal(request.body.accountManagerId, 'm-john');
  assert.deepEqual(problems, []);
});

test('an unknown manager email and a finance user are reported; the line is sent with the others', () => {
  const { requests, problems } = plan([line(2, { customerName: 'Acme', accountManagers: 'nobody@example.com,finance@example.com,camille.dubois@example.com' })], {
    fieldColumns: { customerName: 0, accountManagers: 1 },
  });
  assert.deepEqual(requestOf(requests, 'name:acme').accountManagerIds, ['m-camille']);
  assert.deepEqual(
    problems.map((p) => [p.code, p.cell, p.severity]),
    [
      ['ACCOUNT_MANAGER_NOT_FOUND', 'B2', 'warning'],
      ['ACCOUNT_MANAGER_NOT_MANAGER', 'B2', 'warning'],
    ],
  );
  assert.match(problems[0]!.message, /nobody@example\.com/);
});

test('workflow names resolve ignoring case and invisible spaces', () => {
  const { requests, problems } = plan([
    line(2, { customerName: 'A', workflow: 'key\u00a0ACCOUNTS' }),
    line(3, { customerName: 'B', workflow: 'Key\u200b accounts' }),
    line(4, { customerName: 'C', workflow: 'Standard' }),
  ]);
  assert.deepEqual(
    requests.map((j) => j.body.dunningPlanId),
    ['wf-key', 'wf-key', 'wf-standard'],
  );
  assert.deepEqual(problems, []);
});

test('an unknown workflow is reported with names to choose from, and not sent', () => {
  const { requests, problems } = plan([line(2, { customerName: 'A', workflow: 'Gold' })]);
  assert.ok(!('dunningPlanId' in requestOf(requests, 'name:a').body));
  assert.deepEqual(codes(problems), ['WORKFLOW_NOT_FOUND']);
  assert.match(problems[0]!.fix, /"Standard", "Key accounts"/);
});
