import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Sandbox } from '../server';
import type { SourceSystem } from '../schemas';
import { client, DEFAULT_SEED, SEED, start, type Client } from './helpers';

let sb: Sandbox;
let api: Client;

before(async () => {
  sb = await start();
  api = client(sb);
});
after(() => sb.close());
beforeEach(() => sb.reset());

/** One attempt of each kind of change; answers the status of each. */
async function attempts() {
  const claire = (await api.get('/customers/external:C-1001')).body.contacts[0].id;
  return {
    create: (await api.post('/customers', { name: 'Brand new', externalId: 'BN-1' })).status,
    details: (await api.post('/customers', { externalId: 'C-1001', vatNumber: 'FR00' })).status,
    detailsPut: (await api.put('/customers/external:C-1001', { name: 'Renamed' })).status,
    nestedContact: (await api.post('/customers', { externalId: 'C-1001', contacts: [{ email: 'x@y.fr' }] })).status,
    contactRoute: (await api.put(`/customers/external:C-1001/contacts/${claire}`, { phone: '1' })).status,
    assignPost: (await api.post('/customers', { externalId: 'C-1001', accountManagerId: SEED.john, dunningPlanId: SEED.keyAccounts })).status,
    assignPut: (await api.put('/customers/external:C-2001', { dunningPlanId: SEED.standard })).status,
    managersRoute: (await api.post('/customers/external:C-2001/account-managers', { accountManagerIds: [SEED.lea] })).status,
    delete: (await api.del('/customers/external:C-4001')).status,
  };
}

const expected: Record<SourceSystem, Record<keyof Awaited<ReturnType<typeof attempts>>, number>> = {
  API: { create: 201, details: 200, detailsPut: 200, nestedContact: 200, contactRoute: 200, assignPost: 200, assignPut: 200, managersRoute: 200, delete: 204 },
  NATIVE_ACCOUNTING: { create: 403, details: 403, detailsPut: 403, nestedContact: 403, contactRoute: 403, assignPost: 200, assignPut: 200, managersRoute: 200, delete: 403 },
  // Workflows stay assignable with Salesforce, which syncs only the account owner.
  SALESFORCE_NATIVE: { create: 403, details: 403, detailsPut: 403, nestedContact: 403, contactRoute: 403, assignPost: 403, assignPut: 200, managersRoute: 403, delete: 403 },
  SALESFORCE_API: { create: 201, details: 200, detailsPut: 200, nestedContact: 403, contactRoute: 403, assignPost: 403, assignPut: 200, managersRoute: 403, delete: 204 },
};

describe('source system decides what may change', () => {
  for (const system of Object.keys(expected) as SourceSystem[]) {
    test(system, async () => {
      sb.updateOrganization({ sourceSystem: system });
      assert.deepEqual((await api.get('/organization')).body.sourceSystem, system);
      const before = (await api.get('/customers?limit=500')).body;
      const got = await attempts();
      assert.deepEqual(got, expected[system]);
      if (system === 'SALESFORCE_NATIVE') {
        const after = (await api.get('/customers?limit=500')).body;
        const withoutWorkflows = (page: typeof before) => JSON.stringify(page.customers.map(({ dunningPlanId: _w, updatedAt: _u, ...rest }: Record<string, unknown>) => rest));
        assert.equal(withoutWorkflows(after), withoutWorkflows(before), 'nothing but a workflow changed');
      }
    });
  }

  test('the 403 body for a native accounting integration, and a refused request applies nothing', async () => {
    sb.updateOrganization({ sourceSystem: 'NATIVE_ACCOUNTING' });
    const res = await api.post('/customers', { externalId: 'C-1001', accountManagerId: SEED.john, name: 'Boulangeries Martin' });
    assert.equal(res.status, 403);
    assert.deepEqual(res.body, {
      message: 'Customer details are managed by your accounting integration; only account managers and workflows can be assigned',
      error: 'SOURCE_SYSTEM_FORBIDS',
    });
    assert.deepEqual((await api.get('/customers/external:C-1001')).body.accountManagerIds, [SEED.camille]);
    // reads stay allowed
    assert.equal((await api.get('/customers')).status, 200);
  });

  test('a seed can set the source system', async () => {
    const other = await start({ seed: { ...DEFAULT_SEED, sourceSystem: 'SALESFORCE_API' } });
    try {
      const res = await client(other).post('/customers/external:C-1001/account-managers', { accountManagerIds: [SEED.john] });
      assert.equal(res.status, 403);
      assert.equal(res.body.error, 'SOURCE_SYSTEM_FORBIDS');
      assert.match(res.body.message, /Salesforce/);
    } finally {
      await other.close();
    }
  });
});
