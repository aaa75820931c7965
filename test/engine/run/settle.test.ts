import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeldCustomers } from '../../../src/engine/customers/held';
import { settleBeforeSending } from '../../../src/engine/run/settle';
import { line, plan } from '../payloads/fixtures';

const HELD = new HeldCustomers([
  { id: 'u-acme', name: 'Acme', externalId: 'C-1', vatNumber: 'FR40303265045', contacts: [] },
  { id: 'u-beta-1', name: 'Beta', contacts: [] },
  { id: 'u-beta-2', name: 'Beta', contacts: [] },
  { id: 'u-gamma', name: 'Gamma SAS', contacts: [] },
]);

test("before sending anything, an import settles what Upflow's list alone decides", () => {
  const { toSend, settled, lookAlikes } = settleBeforeSending(
    plan([
      line(2, { customerName: 'Acme', customerId: 'C-1', vatNumber: 'FR40303265045' }),
      line(3, { customerName: 'Beta' }),
      line(4, { customerName: 'Delta' }),
      line(5, { customerName: 'Gamma S.A.S.' }),
      line(6, { customerName: 'Epsilon', customerId: 'C-9' }),
    ]).requests,
    HELD,
  );
  assert.deepEqual(
    settled.map((o) => [o.key, o.rows, o.outcome, o.upflowId]),
    [
      ['name:beta', [3], 'skipped', null],
      ['id:C-1', [2], 'unchanged', 'u-acme'],
    ],
  );
  assert.match(settled[0]!.message, /^Upflow holds 2 customers named "Beta"/);
  assert.deepEqual(
    toSend.map((r) => r.key),
    ['name:delta', 'name:gamma s.a.s.', 'id:C-9'],
  );
  assert.deepEqual(
    lookAlikes.map(({ request, like }) => [request.key, like]),
    [['name:gamma s.a.s.', 'Gamma SAS']],
  );
});
