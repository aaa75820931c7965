import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, importJob, jobOf, line, plan } from './fixtures';

test('manager emails resolve to member ids whatever their case; the first is accountManagerId', () => {
  const { jobs, problems } = plan([line(2, { customerName: 'Acme', accountManagers: 'john.smith@example.com,camille.dubois@example.com' })]);
  const job = importJob(jobs, 'name:acme');
  assert.deepEqual(job.accountManagerIds, ['m-john', 'm-camille']);
  assert.equal(job.body.accountManagerId, 'm-john');
  assert.deepEqual(problems, []);
});

test('an unknown manager email and a finance user are reported; the line is sent with the others', () => {
  const { jobs, problems } = plan([line(2, { customerName: 'Acme', accountManagers: 'nobody@example.com,finance@example.com,camille.dubois@example.com' })], {
    fieldColumns: { customerName: 0, accountManagers: 1 },
  });
  assert.deepEqual(jobOf(jobs, 'name:acme').accountManagerIds, ['m-camille']);
  assert.deepEqual(
    problems.map((p) => [p.code, p.cell, p.severity]),
    [
      ['ACCOUNT_MANAGER_NOT_FOUND', 'B2', 'warning'],
      ['NOT_AN_ACCOUNT_MANAGER', 'B2', 'warning'],
    ],
  );
  assert.match(problems[0]!.message, /nobody@example\.com/);
});

test('workflow names resolve ignoring case and invisible spaces', () => {
  const { jobs, problems } = plan([
    line(2, { customerName: 'A', workflow: 'key\u00a0ACCOUNTS' }),
    line(3, { customerName: 'B', workflow: 'Key\u200b accounts' }),
    line(4, { customerName: 'C', workflow: 'Standard' }),
  ]);
  assert.deepEqual(
    jobs.map((j) => j.body.dunningPlanId),
    ['wf-key', 'wf-key', 'wf-standard'],
  );
  assert.deepEqual(problems, []);
});

test('an unknown workflow is reported with names to choose from, and not sent', () => {
  const { jobs, problems } = plan([line(2, { customerName: 'A', workflow: 'Gold' })]);
  assert.ok(!('dunningPlanId' in jobOf(jobs, 'name:a').body));
  assert.deepEqual(codes(problems), ['WORKFLOW_NOT_FOUND']);
  assert.match(problems[0]!.fix, /"Standard", "Key accounts"/);
});
