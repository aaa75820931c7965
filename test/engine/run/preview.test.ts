import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeldCustomers } from '../../../src/engine/customers/held';
import type { Customer } from '../../../src/engine/upflow/schemas';
import { previewOf } from '../../../src/engine/run/preview';
import { line, MEMBERS, plan, WORKFLOWS } from '../payloads/fixtures';

const org = { members: MEMBERS, workflows: WORKFLOWS };

test('the preview counts what an import would create, update and leave, and names each change in the sheet’s words', () => {
  const held: Customer[] = [
    { id: 'u-acme', name: 'Acme', address: { city: 'Paris' }, contacts: [{ id: 'c-jane', email: 'jane@acme.com', firstName: 'Jane' }] },
    { id: 'u-beta', name: 'Beta', address: { city: 'Paris' }, dunningPlanId: 'wf-standard', contacts: [] },
    { id: 'u-zeta-1', name: 'Zeta', contacts: [] },
    { id: 'u-zeta-2', name: 'Zeta', contacts: [] },
  ];
  const preview = previewOf(
    plan([
      line(2, { customerName: 'Acme', city: 'Paris', contactEmail: 'jane@acme.com', firstName: 'Jane' }),
      line(3, { customerName: 'Acme', city: 'Paris', contactEmail: 'paul@acme.com', firstName: 'Paul' }),
      line(4, { customerName: 'Beta', city: 'Lyon', workflow: 'Key accounts' }),
      line(5, { customerName: 'Delta' }),
      line(6, { customerName: 'Zeta' }),
      line(7, { customerName: 'Broken' }, true),
    ]),
    { held: new HeldCustomers(held), org, sourceSystem: 'API', readContacts: () => assert.fail('the list gave every contact'), lines: 6 },
  );
  assert.deepEqual(preview, {
    mode: 'import',
    // Acme gains Paul; Beta moves to Lyon and Key accounts; Delta is new; Zeta can't be named.
    customers: { create: 1, update: 2, unchanged: 0 },
    contacts: { create: 1, update: 0, unchanged: 1 },
    changes: [
      { customer: 'Acme', rows: [2, 3], outcome: 'update', changes: [{ field: 'Contact paul@acme.com', from: null, to: 'paul@acme.com' }] },
      {
        customer: 'Beta',
        rows: [4],
        outcome: 'update',
        changes: [
          { field: 'City', from: 'Paris', to: 'Lyon' },
          { field: 'Workflow', from: 'Standard', to: 'Key accounts' },
        ],
      },
      { customer: 'Delta', rows: [5], outcome: 'create', changes: [{ field: 'Customer name', from: null, to: 'Delta' }] },
    ],
    changesTotal: 3,
    dropped: [],
    notices: [preview.notices[0]],
    blockedRows: 2,
    unmatchedRows: 1,
    readyRows: 4,
  });
  assert.match(preview.notices[0]!, /^Line 6: Upflow holds 2 customers named "Zeta"/);
});

test('contacts the list does not carry are read for the first 50 customers, and the preview says so for the others', () => {
  const held: Customer[] = Array.from({ length: 52 }, (_, i) => ({ id: `u-${i}`, name: `Shop ${i}` }));
  const reads: string[] = [];
  const preview = previewOf(plan(held.map((c, i) => line(i + 2, { customerName: c.name, contactEmail: `owner@shop${i}.fr` }))), {
    held: new HeldCustomers(held),
    org,
    sourceSystem: 'API',
    readContacts: (id) => {
      reads.push(id);
      return id === 'u-0' ? [{ id: 'c-0', email: 'owner@shop0.fr' }] : [];
    },
    lines: 52,
  });
  assert.equal(reads.length, 50);
  assert.deepEqual(preview.contacts, { create: 51, update: 0, unchanged: 1 });
  assert.deepEqual(preview.notices, ["Upflow's list does not give contacts: those of 2 more customers are compared when they are sent."]);
});

test('an organisation whose customers come from its accounting says what the import leaves alone', () => {
  const preview = previewOf(plan([line(2, { customerName: 'Acme', customerId: 'C-1', workflow: 'Standard', city: 'Paris' })], { sourceSystem: 'NATIVE_ACCOUNTING' }), {
    held: new HeldCustomers([{ id: 'u-acme', name: 'Acme', externalId: 'C-1' }]),
    org,
    sourceSystem: 'NATIVE_ACCOUNTING',
    readContacts: () => [],
    lines: 1,
  });
  assert.equal(preview.mode, 'assign');
  assert.deepEqual(preview.dropped, ["Customer details won't be sent: your organisation's source system (Native accounting integration) manages them."]);
});
