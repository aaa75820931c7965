import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, upflowFields, type FieldId, type UpflowPlace } from '../../src/engine/fields';
import { compareWithUpflow } from '../../src/engine/payloads';
import { describeChange } from '../../src/engine/run/describe-change';
import { customerLines, PULLED_FIELDS } from '../../src/engine/export/customer-sheet';
import { customerBodySchema, customerSchema, type Contact, type Customer } from '../../src/engine/upflow/schemas';
import { importRequest, line, plan } from './payloads/fixtures';
import { check } from './rules/helpers';

/**
 * A field Upflow keeps as a plain string is one definition in src/engine/fields.ts, its `upflow`
 * place. These tests take every such field, whichever it is, the whole way: a new one is covered
 * as soon as it is declared, and fails here if any step still needs a line of its own.
 */

type On = UpflowPlace['on'];
const PLACES: readonly On[] = ['customer', 'address', 'contact'];
const PLACED = PLACES.flatMap((on) => upflowFields(on).map(({ id, key }) => ({ id, on, key })));

/** A value the field's own rule keeps as it is; any other field takes a plain text. */
const CHECKED: Partial<Record<FieldId, string>> = {
  vatNumber: 'FR40303265045',
  postalCode: '75008',
  country: 'FR',
  phoneNumber: '+33612345678',
  position: 'SALES',
};
const valueOf = (id: FieldId): string => CHECKED[id] ?? `${field(id).label} 1`;

const EMAIL = 'ann@acme.fr';

/** The object holding a field's place in a customer as sent or as read: the customer, its address, or its one contact. */
function inside(customer: object, on: On): Record<string, unknown> | undefined {
  const c = customer as { address?: Record<string, unknown>; contacts?: Array<Record<string, unknown>> };
  return on === 'customer' ? (customer as Record<string, unknown>) : on === 'address' ? c.address : c.contacts?.[0];
}

/** A customer as Upflow would hold it, with `value` at the place. */
function heldWith(on: On, key: string, value: string): Customer & { contacts: Contact[] } {
  const base = { id: 'u1', name: 'Acme', externalId: 'C1' };
  const contact: Contact = { id: 'k1', email: EMAIL };
  if (on === 'customer') return { ...base, [key]: value, contacts: [contact] };
  if (on === 'address') return { ...base, address: { [key]: value }, contacts: [contact] };
  return { ...base, contacts: [{ ...contact, [key]: value }] };
}

test('the customer, its address and its contacts each have fields Upflow keeps as plain strings', () => {
  for (const on of PLACES) assert.ok(upflowFields(on).length > 0, on);
});

for (const { id, on, key } of PLACED) {
  const value = valueOf(id);
  test(`${field(id).label} is sent, compared, named and pulled back from its place in Upflow (${on} ${key})`, () => {
    const request = importRequest(plan([line(2, { customerName: 'Acme', customerId: 'C1', contactEmail: EMAIL, [id]: value })]).requests, 'id:C1');
    assert.equal(inside(request.body, on)?.[key], value, 'the body sent');

    const comparison = compareWithUpflow(request, heldWith(on, key, 'Held 1'));
    const path = on === 'customer' ? key : on === 'address' ? `address.${key}` : `contacts[${EMAIL}].${key}`;
    assert.deepEqual(comparison, { outcome: 'update', changes: [{ field: path, from: 'Held 1', to: value }] }, 'the comparison');

    // The preview names a customer's field by its column; a contact's change by the contact and Upflow's word.
    const shown = describeChange(comparison.changes[0]!, { members: [], workflows: [] });
    assert.equal(shown.field, on === 'contact' ? `Contact ${EMAIL} (${key})` : field(id).label, 'the label');

    // Once Upflow holds it, the pulled sheet shows it in the field's column, and checking that line reads it back unchanged.
    const [pulled] = customerLines([heldWith(on, key, value)], { members: [], workflows: [] });
    const reread = check('all', [...PULLED_FIELDS], [pulled!]);
    assert.equal(reread.records[0]?.values[id], value, 'the pulled sheet');
    assert.deepEqual(
      reread.problems.filter((p) => p.field === id),
      [],
      'problems on the pulled cell',
    );
  });
}

test('every place a field has in Upflow is a key of the body sent and of the answer read, so no value is stripped on the way', () => {
  for (const { on, key } of PLACED) {
    const put = (customer: Record<string, unknown>): Record<string, unknown> =>
      on === 'customer'
        ? { ...customer, [key]: 'v' }
        : on === 'address'
          ? { ...customer, address: { [key]: 'v' } }
          : { ...customer, contacts: [{ id: 'k1', email: EMAIL, [key]: 'v' }] };
    assert.equal(inside(customerBodySchema.parse(put({ name: 'Acme' })), on)?.[key], 'v', `body ${on} ${key}`);
    assert.equal(inside(customerSchema.parse(put({ id: 'u1', name: 'Acme' })), on)?.[key], 'v', `answer ${on} ${key}`);
  }
});
