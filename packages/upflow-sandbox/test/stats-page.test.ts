import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Sandbox } from '../server';
import { client, start, type Client } from './helpers';

let sb: Sandbox;
let api: Client;

before(async () => {
  sb = await start();
  api = client(sb);
});
after(() => sb.close());
beforeEach(() => sb.reset());

describe('stats', () => {
  test('counts /v1 requests by status, not admin routes', async () => {
    await api.get('/users');
    await api.get('/users');
    await api.post('/customers', { name: 'Stat', externalId: 'ST-1' });
    await api.get('/customers/external:NOPE');
    await client(sb, { secret: 'bad' }).get('/users');
    await fetch(`${sb.origin}/`);
    const res = await fetch(`${sb.origin}/_admin/stats`);
    const stats = (await res.json()) as Record<string, unknown>;
    assert.equal(stats.requests, 5);
    assert.deepEqual(stats.byStatus, { '200': 2, '201': 1, '404': 1, '401': 1 });
    assert.equal(stats.rateLimited, 0);
    assert.equal(stats.requestsPerMinute, 5);
    assert.equal(stats.peakRequestsPerMinute, 5);
    assert.equal(stats.maxInFlightSeen, 1);
    assert.ok(!Number.isNaN(Date.parse(String(stats.startedAt))));
  });
});

describe('read-only page', () => {
  test('escapes every value and lists customers, contacts, managers, workflows and requests', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const created = await api.post('/customers', {
      name: evil,
      externalId: '"><script>alert(2)</script>',
      accountManagerId: 'dac09549-5ae5-454b-86b4-716e9602b70f',
      dunningPlanId: '85e94e21-dd4e-4b3e-a1d7-aee283b65404',
      parent: { externalId: 'C-1001' },
      contacts: [{ email: 'evil@x.fr', firstName: '<b>bold</b>' }],
    });
    assert.equal(created.status, 201);
    const res = await fetch(`${sb.origin}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.ok(!html.includes(evil), 'raw tag absent');
    assert.ok(!html.includes('<script>'), 'no script');
    assert.ok(!html.includes('<b>bold</b>'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'shown as text');
    assert.ok(html.includes('&lt;b&gt;bold&lt;/b&gt;'));
    for (const text of ['Camille Dubois', 'Key accounts', 'Boulangeries Martin', 'FINANCE_USER', 'Relance douce', 'POST', '/v1/customers', '★']) {
      assert.ok(html.includes(text), `page shows ${text}`);
    }
    assert.ok(!html.includes('demo-secret'), 'the secret is never shown');

    const detail = await fetch(created.body.directUrl);
    assert.equal(detail.status, 200);
    const page = await detail.text();
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!page.includes(evil));
    assert.ok(page.includes('evil@x.fr'));
    assert.ok(page.includes('Boulangeries Martin'), 'parent by name');
    assert.equal((await fetch(`${sb.origin}/app/customers/nope`)).status, 404);
  });

  test('the request log never holds headers', async () => {
    await api.get('/users');
    const html = await (await fetch(`${sb.origin}/`)).text();
    assert.ok(!html.includes('demo-secret'));
    assert.ok(!html.toLowerCase().includes('x-api-secret'));
  });
});
