import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OrgData } from '../../../src/engine/rules';
import { check, codes, one } from './helpers';

const org: OrgData = {
  members: [
    { id: 'u1', email: 'Camille.Dubois@example.com', firstName: 'Camille', lastName: 'Dubois', position: 'ACCOUNT_MANAGER' },
    { id: 'u2', email: 'john.smith@example.com', position: 'ACCOUNT_MANAGER' },
    { id: 'u3', email: 'finance@example.com', firstName: 'Fanny', lastName: 'Nance', position: 'FINANCE_USER' },
  ],
  workflows: [
    { id: 'w1', name: 'Standard' },
    { id: 'w2', name: 'Key accounts' },
  ],
};
const fields = ['customerName', 'externalId', 'accountManagers', 'workflow'] as const;

test('known account managers and workflows pass', () => {
  const result = check('assign', [...fields], [['A', 'C-1', 'camille.dubois@example.com, John.Smith@example.com', 'Key accounts']], { org });
  assert.deepEqual(codes(result), []);
});

test("an unknown account manager gets Upflow's message and fix, with the closest member as suggestion", () => {
  const result = check('assign', [...fields], [['A', 'C-1', 'john.smith@example.com, camile.dubois@example.com', '']], { org });
  const p = one(result, 'ACCOUNT_MANAGER_NOT_FOUND');
  assert.ok(p.message.startsWith('Account manager not found; check the email'), p.message);
  assert.match(p.message, /"camile.dubois@example.com"/);
  assert.match(p.fix, /^Add this person as a member in Upflow with this email address/);
  assert.doesNotMatch(p.fix, /uploaded/);
  assert.equal(p.suggestion, 'john.smith@example.com, camille.dubois@example.com');
  assert.equal(p.cell, 'C2');
  assert.equal(result.records[0]!.blocked, true);
});

test('without the member list, account managers are only checked as emails', () => {
  assert.deepEqual(codes(check('assign', [...fields], [['A', 'C-1', 'nobody@example.com', 'Nope']])), []);
});

test('a workflow with a non-breaking space gets the specific message and the exact name', () => {
  const result = check('assign', [...fields], [['A', 'C-1', '', 'Key\u00a0accounts']], { org });
  const p = one(result, 'INVISIBLE_SPACES');
  assert.equal(p.severity, 'error');
  assert.match(p.message, /contains an invisible \(non-breaking\) space/);
  assert.equal(p.suggestion, 'Key accounts');
  assert.deepEqual(codes(result), ['INVISIBLE_SPACES']);
});

test('workflow names differing in case or by a typo are not found, with a did-you-mean suggestion', () => {
  const result = check(
    'assign',
    [...fields],
    [
      ['A', 'C-1', '', 'standard'],
      ['B', 'C-2', '', 'Key acounts'],
      ['C', 'C-3', '', 'Premium'],
    ],
    { org },
  );
  const [caseOnly, typo, unknown] = result.problems;
  assert.ok(result.problems.every((p) => p.code === 'WORKFLOW_NOT_FOUND' && p.message.startsWith('Workflow not found, check spelling')));
  assert.equal(caseOnly!.suggestion, 'Standard');
  assert.equal(typo!.suggestion, 'Key accounts');
  assert.match(typo!.message, /did you mean "Key accounts"/);
  assert.equal(unknown!.suggestion, undefined);
  assert.match(unknown!.fix, /exactly as Upflow shows it/);
  assert.doesNotMatch(unknown!.fix, /dunning/i);
  assert.match(unknown!.fix, /"Standard", "Key accounts"/);
});
