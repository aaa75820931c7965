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

describe('authentication', () => {
  test('missing or wrong credentials answer 401 without echoing the secret', async () => {
    for (const creds of [{ key: '', secret: '' }, { secret: 'wrong-secret' }, { key: 'wrong-key' }, { secret: '' }]) {
      const res = await client(sb, creds).get('/customers');
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, { message: 'Invalid API credentials', error: 'UNAUTHORIZED' });
      assert.ok(!JSON.stringify(res.body).includes('demo-secret'));
    }
    // A 401 is answered before validation or routing: even an unknown route.
    assert.equal((await client(sb, { secret: 'x' }).get('/nowhere')).status, 401);
    assert.equal((await api.get('/customers')).status, 200);
  });
});

describe('POST /customers upserts by externalId', () => {
  test('creates (201) then updates (200) the same customer, keeping absent fields', async () => {
    const created = await api.post('/customers', {
      name: 'Fromagerie Dubois',
      externalId: 'X-1',
      accountingRef: '411FROM',
      vatNumber: 'FR12345678901',
      address: { address: '1 rue Haute', zipcode: '21000', city: 'Dijon', country: 'FR' },
      accountManagerId: SEED.camille,
      dunningPlanId: SEED.standard,
      customFields: [{ id: 'segment', value: 'Retail' }],
    });
    assert.equal(created.status, 201);
    const c = created.body;
    assert.match(c.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(c.directUrl, `${sb.origin}/app/customers/${c.id}`);
    assert.equal(c.accountManagerId, SEED.camille);
    assert.deepEqual(c.accountManagerIds, [SEED.camille]);
    assert.equal(c.parent, null);
    assert.deepEqual(c.contacts, []);
    assert.equal(c.createdAt, c.updatedAt);

    const updated = await api.post('/customers', { externalId: 'X-1', vatNumber: 'FR99999999999', address: { city: 'Beaune' } });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.id, c.id);
    assert.equal(updated.body.name, 'Fromagerie Dubois');
    assert.equal(updated.body.vatNumber, 'FR99999999999');
    assert.equal(updated.body.accountingRef, '411FROM');
    assert.deepEqual(updated.body.address, { address: '1 rue Haute', zipcode: '21000', city: 'Beaune', state: null, country: 'FR' });
    assert.equal(updated.body.dunningPlanId, SEED.standard);
    assert.deepEqual(updated.body.customFields, [{ id: 'segment', value: 'Retail' }]);
    assert.equal(updated.body.createdAt, c.createdAt);

    const list = await api.get('/customers?externalId=X-1');
    assert.equal(list.body.total, 1, 'no duplicate');
  });

  test('an update that changes nothing keeps updatedAt; a real change moves it', async () => {
    const first = await api.post('/customers', { name: 'Same', externalId: 'S-1', vatNumber: 'A' });
    await new Promise((r) => setTimeout(r, 5));
    const same = await api.post('/customers', { name: 'Same', externalId: 'S-1', vatNumber: 'A' });
    assert.equal(same.status, 200);
    assert.equal(same.body.updatedAt, first.body.updatedAt);
    const changed = await api.post('/customers', { externalId: 'S-1', vatNumber: 'B' });
    assert.notEqual(changed.body.updatedAt, first.body.updatedAt);
  });

  test('without externalId every POST creates a new customer', async () => {
    const a = await api.post('/customers', { name: 'Twin' });
    const b = await api.post('/customers', { name: 'Twin' });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.body.id, b.body.id);
    assert.equal((await api.get('/customers?name=Twin')).body.total, 2);
  });

  test('validation errors are 400 and name the field', async () => {
    const noName = await api.post('/customers', { externalId: 'NEW-1' });
    assert.equal(noName.status, 400);
    assert.equal(noName.body.error, 'VALIDATION_ERROR');
    assert.match(noName.body.message, /name is required/);

    const bad = await api.post('/customers', { name: 'X', contacts: [{ firstName: 'No email' }], address: { town: 'Paris' } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /contacts\[0\]\.email is required/);
    assert.match(bad.body.message, /unknown field address\.town/);

    const blank = await api.post('/customers', { name: '   ' });
    assert.match(blank.body.message, /name must not be empty/);
    const email = await api.post('/customers', { name: 'X', contacts: [{ email: 'not-an-email' }] });
    assert.match(email.body.message, /contacts\[0\]\.email must be a valid email address/);
    const position = await api.post('/customers', { name: 'X', contacts: [{ email: 'a@b.fr', position: 'CEO' }] });
    assert.match(position.body.message, /contacts\[0\]\.position must be one of ACCOUNTING, SALES, PURCHASER, PAYER/);
    const notJson = await fetch(`${sb.url}/customers`, {
      method: 'POST',
      headers: { 'x-api-key': 'demo-key', 'x-api-secret': 'demo-secret', 'content-type': 'application/json' },
      body: '{oops',
    });
    assert.equal(notJson.status, 400);
    assert.equal(((await notJson.json()) as { error: string }).error, 'INVALID_BODY');
    assert.equal((await allCustomers(api)).length, SEED.customers, 'nothing created');
  });
});

describe('GET /customers', () => {
  test('pages in creation order with offset/limit and total; limit defaults to 100 and is capped at 500', async () => {
    for (let i = 0; i < 9; i += 1) assert.equal((await api.post('/customers', { name: `Paged ${i}`, externalId: `P-${i}` })).status, 201);
    const total = SEED.customers + 9;
    const first = await api.get('/customers?offset=0&limit=4');
    assert.deepEqual([first.body.offset, first.body.limit, first.body.total, first.body.customers.length], [0, 4, total, 4]);
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 4) {
      const page = await api.get(`/customers?offset=${offset}&limit=4`);
      seen.push(...page.body.customers.map((c: { name: string }) => c.name));
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    assert.deepEqual(
      seen.slice(-9),
      Array.from({ length: 9 }, (_, i) => `Paged ${i}`),
    );
    assert.equal((await api.get('/customers')).body.limit, 100);
    assert.equal((await api.get('/customers?limit=5000')).body.limit, 500);
    const beyond = await api.get(`/customers?offset=${total}`);
    assert.deepEqual(beyond.body.customers, []);
    assert.equal((await api.get('/customers?limit=0')).status, 400);
    assert.equal((await api.get('/customers?offset=-1')).status, 400);
  });

  test('filters by exact externalId and exact name', async () => {
    const byExt = await api.get('/customers?externalId=C-2001');
    assert.equal(byExt.body.total, 1);
    assert.equal(byExt.body.customers[0].name, 'Acme Ltd');
    assert.equal((await api.get('/customers?externalId=C-20')).body.total, 0);
    const byName = await api.get(`/customers?name=${encodeURIComponent('Boulangeries Martin')}`);
    assert.equal(byName.body.total, 1);
    assert.equal((await api.get('/customers?name=boulangeries%20martin')).body.total, 0);
  });
});

describe('one customer by id or external:{externalId}', () => {
  test('GET, PUT and DELETE; 404 texts', async () => {
    const byId = await api.get(`/customers/${SEED.martinId}`);
    assert.equal(byId.status, 200);
    const byExt = await api.get('/customers/external:C-1001');
    assert.deepEqual(byExt.body, byId.body);

    const put = await api.put('/customers/external:C-1001', { accountingRef: '411MART2', externalId: 'C-1001' });
    assert.equal(put.status, 200);
    assert.equal(put.body.accountingRef, '411MART2');
    assert.equal(put.body.name, 'Boulangeries Martin');

    const notFound = { message: 'The customer was not found', error: 'CUSTOMER_NOT_FOUND' };
    for (const res of [
      await api.get('/customers/external:NOPE'),
      await api.get('/customers/00000000-0000-4000-8000-000000000000'),
      await api.put('/customers/external:NOPE', { vatNumber: 'x' }),
      await api.del('/customers/external:NOPE'),
      await api.post('/customers/external:NOPE/account-managers', { accountManagerIds: [] }),
      await api.get('/customers/external:NOPE/contacts'),
    ]) {
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, notFound);
    }

    const created = await api.post('/customers', { name: 'Ext/Odd id', externalId: 'A/B é 1', contacts: [{ email: 'z@odd.fr' }] });
    const odd = await api.get(`/customers/external:${encodeURIComponent('A/B é 1')}`);
    assert.equal(odd.body.id, created.body.id);
    const del = await api.del(`/customers/${created.body.id}`);
    assert.equal(del.status, 204);
    // DELETE with a JSON content type and no body (as Apps Script may send it) is fine too.
    const other = await api.post('/customers', { name: 'Second to delete' });
    const emptyJson = await fetch(`${sb.url}/customers/${other.body.id}`, {
      method: 'DELETE',
      headers: { 'x-api-key': 'demo-key', 'x-api-secret': 'demo-secret', 'content-type': 'application/json' },
    });
    assert.equal(emptyJson.status, 204);
    assert.equal((await api.get(`/customers/${created.body.id}`)).status, 404);
    // its contact's email is free again
    assert.equal((await api.post('/customers', { name: 'Reuse', contacts: [{ email: 'z@odd.fr' }] })).status, 201);
  });

  test("PUT cannot take another customer's externalId; a group with subsidiaries cannot be deleted", async () => {
    const taken = await api.put('/customers/external:C-1001', { externalId: 'C-2001' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error, 'CUSTOMER_EXTERNAL_ID_TAKEN');
    const group = await api.del('/customers/external:C-3001');
    assert.equal(group.status, 409);
    assert.equal(group.body.error, 'CUSTOMER_HAS_SUBSIDIARIES');
    assert.equal((await api.get('/customers/external:C-3001')).status, 200);
  });

  test('unknown routes answer a JSON 404', async () => {
    const res = await api.get('/invoices');
    assert.equal(res.status, 404);
    assert.equal(res.body.error, 'NOT_FOUND');
  });
});

describe('parent (group)', () => {
  test('by externalId or id; a missing parent is refused', async () => {
    const child = await api.post('/customers', { name: 'Martin Lyon', externalId: 'C-1002', parent: { externalId: 'C-1001' } });
    assert.equal(child.status, 201);
    assert.deepEqual(child.body.parent, { id: SEED.martinId, externalId: 'C-1001', name: 'Boulangeries Martin' });
    const byId = await api.post('/customers', { name: 'Martin Nice', parent: { id: SEED.martinId } });
    assert.equal(byId.body.parent.id, SEED.martinId);

    const missing = await api.post('/customers', { name: 'Orphan', externalId: 'O-1', parent: { externalId: 'NOPE' } });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { message: 'The parent customer was not found', error: 'PARENT_NOT_FOUND' });
    assert.equal((await api.get('/customers/external:O-1')).status, 404, 'nothing created');

    const both = await api.post('/customers', { name: 'X', parent: { id: SEED.martinId, externalId: 'C-1001' } });
    assert.equal(both.status, 400);
    assert.match(both.body.message, /parent must have exactly one of id or externalId/);

    const detached = await api.put('/customers/external:C-1002', { parent: null });
    assert.equal(detached.body.parent, null);
  });

  test('a customer cannot be its own parent, nor the parent of its own group', async () => {
    const selfNew = await api.post('/customers', { name: 'Self', externalId: 'SELF-1', parent: { externalId: 'SELF-1' } });
    assert.equal(selfNew.status, 400);
    assert.equal(selfNew.body.error, 'PARENT_IS_SELF');
    const selfExisting = await api.put(`/customers/${SEED.martinId}`, { parent: { id: SEED.martinId } });
    assert.equal(selfExisting.status, 400);
    assert.equal(selfExisting.body.error, 'PARENT_IS_SELF');

    // C-3002's parent is C-3001; make a grandchild, then try to put C-3001 under the grandchild.
    await api.post('/customers', { name: 'Grandchild', externalId: 'C-3003', parent: { externalId: 'C-3002' } });
    const cycle = await api.post('/customers', { externalId: 'C-3001', parent: { externalId: 'C-3003' } });
    assert.equal(cycle.status, 400);
    assert.equal(cycle.body.error, 'PARENT_CYCLE');
    const direct = await api.put('/customers/external:C-3001', { parent: { externalId: 'C-3002' } });
    assert.equal(direct.body.error, 'PARENT_CYCLE');
    assert.equal((await api.get('/customers/external:C-3001')).body.parent, null);
  });
});

describe('account managers and workflows', () => {
  test('only ACCOUNT_MANAGER members can be assigned; finance users and unknown ids are refused', async () => {
    const message = { message: 'Account manager not found; check the email', error: 'ACCOUNT_MANAGER_NOT_FOUND' };
    const finance = await api.post('/customers', { externalId: 'C-1001', accountManagerId: SEED.thomas });
    assert.equal(finance.status, 400);
    assert.deepEqual(finance.body, message);
    const unknown = await api.post('/customers', { name: 'New', externalId: 'N-9', accountManagerId: 'nobody' });
    assert.deepEqual(unknown.body, message);
    assert.equal((await api.get('/customers/external:N-9')).status, 404, 'nothing created');
    assert.deepEqual((await api.get('/customers/external:C-1001')).body.accountManagerIds, [SEED.camille], 'unchanged');
  });

  test('POST /customers/{id}/account-managers replaces the list; accountManagerId is its first entry', async () => {
    const set = await api.post('/customers/external:C-2001/account-managers', { accountManagerIds: [SEED.lea, SEED.camille, SEED.lea] });
    assert.equal(set.status, 200);
    assert.deepEqual(set.body.accountManagerIds, [SEED.lea, SEED.camille]);
    assert.equal(set.body.accountManagerId, SEED.lea);
    const refused = await api.post('/customers/external:C-2001/account-managers', { accountManagerIds: [SEED.john, SEED.thomas] });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.message, 'Account manager not found; check the email');
    assert.deepEqual((await api.get('/customers/external:C-2001')).body.accountManagerIds, [SEED.lea, SEED.camille]);
    const byId = await api.get('/customers/external:C-2001');
    const again = await api.post(`/customers/${byId.body.id}/account-managers`, { accountManagerIds: [] });
    assert.equal(again.body.accountManagerId, null);
    assert.equal((await api.post('/customers/external:C-2001/account-managers', {})).status, 400);
    // accountManagerId on the customer replaces the list with that one member
    const single = await api.put('/customers/external:C-3001', { accountManagerId: SEED.john });
    assert.deepEqual(single.body.accountManagerIds, [SEED.john]);
  });

  test('the dunning plan must exist', async () => {
    const bad = await api.post('/customers', { externalId: 'C-1001', dunningPlanId: 'Standard\u00a0' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { message: 'Dunning plan not found, check spelling', error: 'DUNNING_PLAN_NOT_FOUND' });
    const ok = await api.post('/customers', { externalId: 'C-1001', dunningPlanId: SEED.keyAccounts });
    assert.equal(ok.body.dunningPlanId, SEED.keyAccounts);
    const cleared = await api.put('/customers/external:C-1001', { dunningPlanId: null });
    assert.equal(cleared.body.dunningPlanId, null);
  });

  test('GET /users, /dunning_plans and /organization', async () => {
    const users = await api.get('/users');
    assert.equal(users.body.users.length, 6);
    assert.deepEqual(Object.keys(users.body.users[0]).sort(), ['email', 'firstName', 'id', 'lastName', 'position']);
    assert.ok(users.body.users.some((u: { position: string }) => u.position === 'FINANCE_USER'));
    const plans = await api.get('/dunning_plans');
    assert.deepEqual(
      plans.body.items.map((p: { name: string }) => p.name),
      ['Standard', 'Grands comptes', 'Relance douce', 'Key accounts'],
    );
    assert.deepEqual(Object.keys(plans.body.items[0]).sort(), ['entity', 'id', 'mode', 'name']);
    assert.deepEqual((await api.get('/organization')).body, { name: 'Boulangeries & Co (démo)', sourceSystem: 'API' });
  });
});
