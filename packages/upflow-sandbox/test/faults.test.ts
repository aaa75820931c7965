import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Sandbox } from '../server';
import { client, SEED, start, type Client } from './helpers';

let sb: Sandbox;
let api: Client;

before(async () => {
  sb = await start();
  api = client(sb);
});
after(() => sb.close());
beforeEach(() => {
  sb.setFaults({});
  sb.reset();
});

const count = async (externalId: string) => (await api.get(`/customers?externalId=${externalId}`)).body.total as number;

describe('fault injection', () => {
  test('errorRate answers 500 or 503 before applying anything', async () => {
    sb.setFaults({ errorRate: 1, seed: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i += 1) {
      const res = await api.post('/customers', { name: 'Never', externalId: `E-${i}` });
      assert.ok(res.status === 500 || res.status === 503, `got ${res.status}`);
      assert.ok(res.body.error === 'INTERNAL_ERROR' || res.body.error === 'SERVICE_UNAVAILABLE');
      statuses.add(res.status);
    }
    assert.deepEqual([...statuses].sort(), [500, 503], 'both statuses occur');
    sb.setFaults({});
    assert.equal((await api.get('/customers')).body.total, SEED.customers, 'no trace');
  });

  test('errorAfterApplyRate applies the write once, then answers 500; a retry updates instead of duplicating', async () => {
    sb.setFaults({ errorAfterApplyRate: 1 });
    const res = await api.post('/customers', { name: 'Applied', externalId: 'AA-1', contacts: [{ email: 'aa@x.fr' }] });
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { message: 'Internal server error', error: 'INTERNAL_ERROR' });
    sb.setFaults({});
    assert.equal(await count('AA-1'), 1);
    const retry = await api.post('/customers', { name: 'Applied', externalId: 'AA-1', contacts: [{ email: 'aa@x.fr' }] });
    assert.equal(retry.status, 200);
    assert.equal(retry.body.contacts.length, 1);
    assert.equal(await count('AA-1'), 1);
    // Without externalId, a naive retry duplicates: the case this fault exists to expose.
    sb.setFaults({ errorAfterApplyRate: 1 });
    await api.post('/customers', { name: 'No key' });
    sb.setFaults({});
    await api.post('/customers', { name: 'No key' });
    assert.equal((await api.get('/customers?name=No%20key')).body.total, 2);
  });

  test('dropRate closes the socket without an answer, before applying by default', async () => {
    sb.setFaults({ dropRate: 1 });
    await assert.rejects(
      fetch(`${sb.url}/customers`, {
        method: 'POST',
        headers: { 'x-api-key': 'demo-key', 'x-api-secret': 'demo-secret', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Dropped', externalId: 'D-1' }),
      }),
      TypeError,
    );
    sb.setFaults({});
    assert.equal(await count('D-1'), 0);
    assert.equal(sb.stats().dropped, 1);
  });

  test('dropAfterApply applies the write, then closes the socket', async () => {
    sb.setFaults({ dropRate: 1, dropAfterApply: true });
    await assert.rejects(api.post('/customers', { name: 'Dropped after', externalId: 'D-2' }), TypeError);
    sb.setFaults({});
    assert.equal(await count('D-2'), 1);
    // The server is still healthy afterwards.
    assert.equal((await api.get('/users')).status, 200);
  });

  test('slowMs delays every answer', async () => {
    sb.setFaults({ slowMs: 120 });
    const started = performance.now();
    assert.equal((await api.get('/users')).status, 200);
    assert.ok(performance.now() - started >= 115);
  });

  test('burst429 answers 429 (Retry-After: 1) to the next N requests, then recovers', async () => {
    sb.setFaults({ burst429: 2 });
    const a = await api.post('/customers', { name: 'Burst', externalId: 'B-1' });
    const b = await api.get('/users');
    const c = await api.get('/users');
    assert.deepEqual([a.status, b.status, c.status], [429, 429, 200]);
    assert.equal(a.headers.get('retry-after'), '1');
    assert.equal(await count('B-1'), 0);
  });

  test('the same seed gives the same faults', async () => {
    const run = async () => {
      sb.setFaults({ errorRate: 0.5, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 16; i += 1) out.push((await api.get('/users')).status);
      return out;
    };
    const first = await run();
    const second = await run();
    assert.deepEqual(first, second);
    assert.ok(first.includes(200) && first.some((s) => s >= 500), `mixed: ${first.join(',')}`);
  });

  test('POST /_admin/faults sets faults (validated), GET reads them', async () => {
    const set = await fetch(`${sb.origin}/_admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1, seed: 7 }),
    });
    assert.equal(set.status, 200);
    assert.equal((await api.get('/users')).status >= 500, true);
    const bad = await fetch(`${sb.origin}/_admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    });
    assert.equal(bad.status, 400);
    const off = await fetch(`${sb.origin}/_admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.deepEqual(await off.json(), { burst429: 0 });
    assert.equal((await api.get('/users')).status, 200);
  });
});
