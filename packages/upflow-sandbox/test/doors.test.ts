import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import type { Sandbox } from '../server';
import { KEY, client, start } from './helpers';

/** A raw HTTP request, so the test can send the Host and Origin a browser page would. */
function knock(sb: Sandbox, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sb.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A customer that a reset would wipe: still there means the reset did not happen. */
async function withMarker(sb: Sandbox): Promise<() => Promise<boolean>> {
  const api = client(sb);
  assert.equal((await api.post('/customers', { name: 'Survivor', externalId: 'KEEP-DOORS' })).status, 201);
  return async () => (await api.get('/customers/external:KEEP-DOORS')).status === 200;
}

describe("the sandbox's doors", () => {
  test('a page on another site cannot reset the data', async (t) => {
    const sb = await start();
    t.after(() => sb.close());
    const stillThere = await withMarker(sb);
    const local = `127.0.0.1:${sb.port}`;
    const attempts: Array<Record<string, string>> = [
      { host: local, origin: 'https://evil.example' },
      { host: local, origin: 'null' },
      { host: local, 'sec-fetch-site': 'cross-site' },
      { host: local, 'sec-fetch-site': 'same-site' },
      { host: local, 'content-type': 'text/plain' },
      { host: local, 'content-type': 'application/x-www-form-urlencoded' },
      { host: local, 'content-type': 'multipart/form-data; boundary=x' },
    ];
    for (const headers of attempts) {
      const answer = await knock(sb, 'POST', '/_admin/reset', headers, headers['content-type'] ? 'a=1' : undefined);
      assert.equal(answer.status, 403, JSON.stringify(headers));
      assert.match(JSON.parse(answer.text).message, /other sites are refused/);
      assert.ok(await stillThere(), `the data survived ${JSON.stringify(headers)}`);
    }
  });

  test('a foreign Host (DNS rebinding) gets neither the page nor the admin routes', async (t) => {
    const sb = await start();
    t.after(() => sb.close());
    const stillThere = await withMarker(sb);
    for (const host of ['evil.example', `evil.example:${sb.port}`, `127.0.0.1:${sb.port + 1}`, `192.168.1.10:${sb.port}`]) {
      const page = await knock(sb, 'GET', '/', { host });
      assert.equal(page.status, 403, host);
      assert.ok(!page.text.includes(KEY), 'the demo key is not shown');
      assert.equal((await knock(sb, 'GET', '/_admin/stats', { host })).status, 403);
      assert.equal((await knock(sb, 'POST', '/_admin/reset', { host })).status, 403);
    }
    assert.ok(await stillThere());
  });

  test('its own page and API clients keep working on every loopback name', async (t) => {
    const sb = await start();
    t.after(() => sb.close());
    for (const host of [`127.0.0.1:${sb.port}`, `localhost:${sb.port}`, `[::1]:${sb.port}`]) {
      const page = await knock(sb, 'GET', '/', { host, 'sec-fetch-site': 'cross-site' });
      assert.equal(page.status, 200, 'following a link from another site shows the page');
      assert.ok(page.text.includes(KEY), 'the page a rebinding site would have read');
      const sameOrigin = await knock(sb, 'POST', '/_admin/faults', { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, '{}');
      assert.equal(sameOrigin.status, 200, host);
    }
    const stillThere = await withMarker(sb);
    const reset = await fetch(`${sb.origin}/_admin/reset`, { method: 'POST' });
    assert.equal(reset.status, 200, 'an API client (no Origin, no content type) may reset');
    assert.equal(await stillThere(), false);
    assert.equal((await client(sb).get('/customers?limit=1')).status, 200);
  });
});
