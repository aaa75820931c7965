import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Sandbox } from '../server';
import { allCustomers, client, SEED, start, type Client } from './helpers';

let sb: Sandbox;
let api: Client;

before(async () => {
  sb = await start();
  api = client(sb);
});
after(() => sb.close());
beforeEach(() => sb.reset());

type C = { id: string; email: string; firstName: string | null; phone: string | null; position: string | null; isMain: boolean; externalId: string | null };
const mains = (contacts: C[]) => contacts.filter((c) => c.isMain).map((c) => c.email);

describe('nested contacts', () => {
  test('a nested contact updates the contact with the same email (case-insensitive), else is created', async () => {
    const before = (await api.get('/customers/external:C-1001')).body;
    const res = await api.post('/customers', {
      externalId: 'C-1001',
      contacts: [
        { email: 'Paul.Durand@Boulangeries-Martin.FR', phone: '+33 6 12 34 56 78', position: 'PAYER' },
        { email: 'new.person@boulangeries-martin.fr', firstName: 'Nouvelle' },
      ],
    });
    assert.equal(res.status, 200);
    const contacts: C[] = res.body.contacts;
    assert.equal(contacts.length, 3);
    const paul = contacts.find((c) => c.id === before.contacts[1].id);
    assert.ok(paul, 'same contact id kept');
    assert.equal(paul.email, 'Paul.Durand@Boulangeries-Martin.FR');
    assert.equal(paul.phone, '+33 6 12 34 56 78');
    assert.equal(paul.position, 'PAYER');
    assert.equal(paul.firstName, 'Paul', 'absent fields kept');
    assert.equal(contacts[2]?.email, 'new.person@boulangeries-martin.fr');
    assert.deepEqual(mains(contacts), ['claire.martin@boulangeries-martin.fr']);
  });

  test('a nested contact is matched by externalId first, even when its email changes', async () => {
    const res = await api.post('/customers', {
      externalId: 'C-1001',
      contacts: [{ externalId: 'CT-1', email: 'claire@boulangeries-martin.fr', lastName: 'Martin-Roy' }],
    });
    const contacts: C[] = res.body.contacts;
    assert.equal(contacts.length, 2);
    assert.equal(contacts[0]?.email, 'claire@boulangeries-martin.fr');
    assert.equal(contacts[0]?.externalId, 'CT-1');
  });

  test('an email used by a contact of another customer answers 409 and applies nothing of the request', async () => {
    const before = (await api.get('/customers/external:C-2001')).body;
    const res = await api.post('/customers', {
      externalId: 'C-2001',
      vatNumber: 'GB000',
      contacts: [{ email: 'first.ok@acme.co.uk' }, { email: 'CLAIRE.MARTIN@boulangeries-martin.fr', firstName: 'Claire' }],
    });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      message: 'The email CLAIRE.MARTIN@boulangeries-martin.fr is already used by a contact of customer Boulangeries Martin',
      error: 'CONTACT_EMAIL_TAKEN',
    });
    const afterwards = (await api.get('/customers/external:C-2001')).body;
    assert.deepEqual(afterwards, before, 'neither the VAT number nor the first contact was applied');

    const created = await api.post('/customers', { name: 'Newco', externalId: 'NC-1', contacts: [{ email: 'jane.doe@acme.co.uk' }] });
    assert.equal(created.status, 409);
    assert.equal((await api.get('/customers/external:NC-1')).status, 404, 'the customer was not created either');
    assert.equal((await allCustomers(api)).length, SEED.customers);
  });

  test('main contact: the first contact becomes main; the latest isMain wins and unsets the previous one', async () => {
    const created = await api.post('/customers', {
      name: 'Mains',
      externalId: 'M-1',
      contacts: [{ email: 'a@mains.fr' }, { email: 'b@mains.fr' }],
    });
    assert.deepEqual(mains(created.body.contacts), ['a@mains.fr']);

    const b = await api.post('/customers', { externalId: 'M-1', contacts: [{ email: 'b@mains.fr', isMain: true }] });
    assert.deepEqual(mains(b.body.contacts), ['b@mains.fr']);

    const c = await api.post('/customers', {
      externalId: 'M-1',
      contacts: [
        { email: 'c@mains.fr', isMain: true },
        { email: 'd@mains.fr', isMain: true },
      ],
    });
    assert.deepEqual(mains(c.body.contacts), ['d@mains.fr'], 'latest of one request wins too');

    // isMain: false on the main contact leaves it main (a customer with contacts always has one)
    const still = await api.post('/customers', { externalId: 'M-1', contacts: [{ email: 'd@mains.fr', isMain: false }] });
    assert.deepEqual(mains(still.body.contacts), ['d@mains.fr']);
  });
});

describe('contact routes', () => {
  test('create, list, update, delete; deleting the main contact promotes the oldest remaining one', async () => {
    const customer = (await api.post('/customers', { name: 'Routes', externalId: 'R-1' })).body;
    const first = await api.post(`/customers/${customer.id}/contacts`, { email: 'one@routes.fr', firstName: 'One' });
    assert.equal(first.status, 201);
    assert.equal(first.body.isMain, true, 'first contact becomes main');
    const second = await api.post('/customers/external:R-1/contacts', { email: 'two@routes.fr', position: 'SALES', isMain: true });
    assert.equal(second.body.isMain, true);

    const list = await api.get(`/customers/${customer.id}/contacts`);
    assert.equal(list.status, 200);
    assert.deepEqual([list.body.offset, list.body.total], [0, 2]);
    assert.deepEqual(mains(list.body.contacts), ['two@routes.fr']);
    const page = await api.get(`/customers/${customer.id}/contacts?offset=1&limit=1`);
    assert.deepEqual(
      page.body.contacts.map((c: C) => c.email),
      ['two@routes.fr'],
    );

    const put = await api.put(`/customers/${customer.id}/contacts/${first.body.id}`, { phone: '01 02 03 04 05', position: null });
    assert.equal(put.status, 200);
    assert.equal(put.body.phone, '01 02 03 04 05');
    assert.equal(put.body.firstName, 'One');
    assert.equal(put.body.isMain, false);

    const taken = await api.put(`/customers/${customer.id}/contacts/${first.body.id}`, { email: 'jane.doe@acme.co.uk' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error, 'CONTACT_EMAIL_TAKEN');
    const dup = await api.post(`/customers/${customer.id}/contacts`, { email: 'ONE@routes.fr' });
    assert.equal(dup.status, 409);
    assert.match(dup.body.message, /customer Routes$/);

    const del = await api.del(`/customers/${customer.id}/contacts/${second.body.id}`);
    assert.equal(del.status, 204);
    const rest = (await api.get(`/customers/${customer.id}/contacts`)).body.contacts;
    assert.deepEqual(mains(rest), ['one@routes.fr']);

    const missing = await api.put(`/customers/${customer.id}/contacts/${second.body.id}`, { phone: '1' });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { message: 'The contact was not found', error: 'CONTACT_NOT_FOUND' });
    // a contact of another customer is not found under this one
    const claire = (await api.get('/customers/external:C-1001')).body.contacts[0];
    assert.equal((await api.del(`/customers/${customer.id}/contacts/${claire.id}`)).status, 404);
    assert.equal((await api.post(`/customers/${customer.id}/contacts`, { firstName: 'x' })).status, 400);
  });
});
