import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithUpflow } from '../../../src/engine/payloads';
import type { Customer } from '../../../src/engine/upflow/schemas';
import { requestOf, line, plan } from './fixtures';

const existing: Customer = {
  id: 'u1',
  name: 'Acme',
  externalId: 'C1',
  address: { city: 'Paris', zipcode: '75001' },
  parent: { id: 'u0', externalId: 'G1', name: 'Group' },
  accountManagerId: 'm-john',
  accountManagerIds: ['m-john'],
  dunningPlanId: 'wf-standard',
  contacts: [
    { id: 'k1', email: 'Ann@acme.fr', firstName: 'Ann', phone: '+33 1 23 45 67 89', isMain: true },
    { id: 'k2', email: 'bob@acme.fr', firstName: 'Bob', position: 'SALES' },
  ],
};

const jobFor = (values: Parameters<typeof line>[1], options = {}) => requestOf(plan([line(2, values)], options).requests, 'id:C1');

test('a customer Upflow does not hold yet is created, every sent field listed as new', () => {
  const request = jobFor({ customerName: 'Acme', customerId: 'C1', city: 'Paris', workflow: 'Standard', contactEmail: 'ann@acme.fr', mainContact: '1' });
  assert.deepEqual(compareWithUpflow(request, null), {
    outcome: 'create',
    changes: [
      { field: 'name', from: null, to: 'Acme' },
      { field: 'externalId', from: null, to: 'C1' },
      { field: 'address.city', from: null, to: 'Paris' },
      { field: 'dunningPlanId', from: null, to: 'wf-standard' },
      { field: 'contacts[ann@acme.fr]', from: null, to: 'ann@acme.fr' },
      { field: 'mainContact', from: null, to: 'ann@acme.fr' },
    ],
  });
});

test('a request repeating what Upflow holds is unchanged, phone spacing and email case aside', () => {
  const request = jobFor({
    customerName: 'Acme',
    customerId: 'C1',
    city: 'Paris',
    groupId: 'G1',
    accountManagers: 'john.smith@example.com',
    workflow: 'Standard',
    contactEmail: 'ann@acme.fr',
    firstName: 'Ann',
    phoneNumber: '+33123456789',
    mainContact: '1',
  });
  assert.deepEqual(compareWithUpflow(request, existing), { outcome: 'unchanged', changes: [] });
});

test('empty cells change nothing: fields the request does not send are not compared', () => {
  assert.equal(compareWithUpflow(jobFor({ customerName: 'Acme', customerId: 'C1' }), existing).outcome, 'unchanged');
});

test('an update lists exactly the fields it changes', () => {
  const request = jobFor({
    customerName: 'Acme',
    customerId: 'C1',
    city: 'Lyon',
    state: 'ARA',
    groupName: 'Other Group',
    accountManagers: 'john.smith@example.com, camille.dubois@example.com',
    workflow: 'Key accounts',
    contactEmail: 'bob@acme.fr',
    familyName: 'Builder',
    position: 'PAYER',
    mainContact: '1',
  });
  assert.deepEqual(compareWithUpflow(request, existing), {
    outcome: 'update',
    changes: [
      { field: 'address.city', from: 'Paris', to: 'Lyon' },
      { field: 'address.state', from: null, to: 'ARA' },
      { field: 'parent', from: 'Group', to: 'Other Group' },
      { field: 'accountManagerIds', from: 'm-john', to: 'm-john, m-camille' },
      { field: 'dunningPlanId', from: 'wf-standard', to: 'wf-key' },
      { field: 'contacts[bob@acme.fr].lastName', from: null, to: 'Builder' },
      { field: 'contacts[bob@acme.fr].position', from: 'SALES', to: 'PAYER' },
      { field: 'mainContact', from: 'Ann@acme.fr', to: 'bob@acme.fr' },
    ],
  });
});

test('a group given by name matches the held parent by name; by ID, by External ID', () => {
  assert.equal(compareWithUpflow(jobFor({ customerName: 'Acme', customerId: 'C1', groupName: 'GROUP' }), existing).outcome, 'unchanged');
  assert.deepEqual(compareWithUpflow(jobFor({ customerName: 'Acme', customerId: 'C1', groupId: 'G2' }), existing).changes, [{ field: 'parent', from: 'G1', to: 'G2' }]);
});

test('a new contact on a held customer is a change', () => {
  const { outcome, changes } = compareWithUpflow(jobFor({ customerName: 'Acme', customerId: 'C1', contactEmail: 'new@acme.fr', firstName: 'New' }), existing);
  assert.equal(outcome, 'update');
  assert.deepEqual(changes, [{ field: 'contacts[new@acme.fr]', from: null, to: 'new@acme.fr' }]);
});

test('an assignment compares only managers and workflow', () => {
  const request = jobFor({ customerName: 'Renamed', externalId: 'C1', workflow: 'Standard' }, { template: 'assign' });
  assert.equal(request.mode, 'assign');
  assert.equal(compareWithUpflow(request, existing).outcome, 'unchanged');
  const moved = jobFor({ externalId: 'C1', workflow: 'Key accounts', accountManagers: 'john.smith@example.com' }, { template: 'assign' });
  assert.deepEqual(compareWithUpflow(moved, existing).changes, [{ field: 'dunningPlanId', from: 'wf-standard', to: 'wf-key' }]);
});

test('managers held only as accountManagerId are compared as a set', () => {
  const held: Customer = { ...existing, accountManagerIds: null };
  const request = jobFor({ customerName: 'Acme', customerId: 'C1', accountManagers: 'john.smith@example.com' });
  assert.equal(compareWithUpflow(request, held).outcome, 'unchanged');
});

test('a phone Upflow holds in national form is the same number as the international one sent', () => {
  const national: Customer = { ...existing, contacts: [{ id: 'k1', email: 'ann@acme.fr', phone: '06 12 34 56 78', isMain: true }] };
  const same = jobFor({ customerName: 'Acme', customerId: 'C1', contactEmail: 'ann@acme.fr', phoneNumber: '+33612345678' });
  assert.equal(compareWithUpflow(same, national).outcome, 'unchanged');
  const other = jobFor({ customerName: 'Acme', customerId: 'C1', contactEmail: 'ann@acme.fr', phoneNumber: '+33612345679' });
  assert.deepEqual(compareWithUpflow(other, national).changes, [{ field: 'contacts[ann@acme.fr].phone', from: '06 12 34 56 78', to: '+33612345679' }]);
});
