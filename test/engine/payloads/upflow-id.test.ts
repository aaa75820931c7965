import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeldCustomers } from '../../../src/engine/customers/held';
import { codes, importRequest, line, plan } from './fixtures';

/** A pulled sheet: two customers of one name, told apart only by their Upflow IDs. */
const twins = [
  line(2, { upflowId: 'u-north', customerName: 'Boulangerie du Port', city: 'Roscoff', contactEmail: 'anne@port-nord.fr', upflowContactId: 'c-anne' }),
  line(3, { upflowId: 'u-south', customerName: 'Boulangerie du Port', city: 'Sète', contactEmail: 'marc@port-sud.fr', upflowContactId: 'c-marc' }),
];
const held = () =>
  new HeldCustomers([
    { id: 'u-north', name: 'Boulangerie du Port', contacts: [{ id: 'c-anne', email: 'anne@port-nord.fr' }] },
    { id: 'u-south', name: 'Boulangerie du Port', contacts: [{ id: 'c-marc', email: 'marc@port-sud.fr' }] },
    { id: 'u-acme', name: 'Acme Ltd', externalId: 'C-2001' },
  ]);

test('lines of one name with two Upflow IDs are two customers, each written to its own', () => {
  const { requests, problems } = plan(twins);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    requests.map((j) => j.key),
    ['upflow:u-north', 'upflow:u-south'],
  );
  const north = held().match(importRequest(requests, 'upflow:u-north'));
  assert.equal(north.kind === 'existing' && north.customer.id, 'u-north');
  const south = held().match(importRequest(requests, 'upflow:u-south'));
  assert.equal(south.kind === 'existing' && south.customer.id, 'u-south');
});

test('a line giving only the shared name can belong to either: it is refused, naming the fix', () => {
  const { requests, problems } = plan([...twins, line(4, { customerName: 'Boulangerie du Port', contactEmail: 'new@port.fr' })]);
  assert.equal(requests.length, 2);
  assert.deepEqual(codes(problems), ['AMBIGUOUS_CUSTOMER']);
});

test('a contact line without an Upflow ID joins the customer of its Customer ID', () => {
  const { requests } = plan([
    line(2, { upflowId: 'u-acme', customerName: 'Acme Ltd', customerId: 'C-2001', contactEmail: 'jane@acme.co.uk' }),
    line(3, { customerName: 'Acme Ltd', customerId: 'C-2001', contactEmail: 'bob@acme.co.uk' }),
  ]);
  assert.deepEqual(
    requests.map((j) => [j.key, j.rows]),
    [['upflow:u-acme', [2, 3]]],
  );
});

test('an Upflow ID Upflow no longer holds, or a Customer ID of another customer, is no match', () => {
  const gone = plan([line(2, { upflowId: 'u-deleted', customerName: 'Acme Ltd' })]).requests[0]!;
  assert.deepEqual(held().match(gone), { kind: 'missing', upflowId: 'u-deleted' });
  const crossed = plan([line(2, { upflowId: 'u-north', customerName: 'Boulangerie du Port', customerId: 'C-2001' })]).requests[0]!;
  const match = held().match(crossed);
  assert.equal(match.kind, 'conflict');
  assert.equal(match.kind === 'conflict' && match.byCustomerId.name, 'Acme Ltd');
});
