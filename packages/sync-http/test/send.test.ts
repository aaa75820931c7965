import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sendAllSync, type SyncRequest, type SyncResult } from '../index';
import { closedPort, startFixtureServer } from './server';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
before(async () => {
  server = await startFixtureServer();
});
after(() => server.stop());

const get = (url: string, timeoutMs = 10_000): SyncRequest => ({ url, method: 'GET', headers: {}, body: null, validateHttpsCertificates: true, timeoutMs });
const text = (result: SyncResult | undefined): string => {
  assert.ok(result && !('error' in result), `expected an answer, got ${JSON.stringify(result)}`);
  return new TextDecoder().decode(result.body);
};

describe('sendAllSync', () => {
  it('answers every request of a batch, in request order', () => {
    const results = sendAllSync(
      ['/echo?n=1', '/missing', '/echo?n=3'].map((path) => get(`${server.base}${path}`)),
      15_000,
    );
    assert.deepEqual(
      results.map((r) => ('error' in r ? r.error : r.status)),
      [200, 404, 200],
    );
    assert.equal(text(results[1]), 'not found');
    const first = results[0];
    assert.ok(first && !('error' in first));
    assert.equal(first.rawHeaders[first.rawHeaders.indexOf('X-Path') + 1], '/echo?n=1');
    assert.deepEqual(
      first.rawHeaders.filter((_, i) => first.rawHeaders[i - 1] === 'Set-Cookie'),
      ['a=1', 'b=2'],
    );
  });

  it('sends the method, headers and body as given', () => {
    const body = new TextEncoder().encode('{"name":"Société"}');
    const [result] = sendAllSync([{ ...get(`${server.base}/echo`), method: 'POST', headers: { 'Content-Type': 'application/json' }, body }], 15_000);
    assert.deepEqual(JSON.parse(text(result)), { method: 'POST', contentType: 'application/json', body: '{"name":"Société"}' });
  });

  it('gives a redirect back as it is, for the caller to follow or not', () => {
    const [result] = sendAllSync([get(`${server.base}/redirect`)], 15_000);
    assert.ok(result && !('error' in result));
    assert.equal(result.status, 302);
    assert.equal(result.rawHeaders[result.rawHeaders.indexOf('Location') + 1], '/echo');
  });

  it('names why a request got no answer: refused, or past its timeout', async () => {
    const port = await closedPort();
    const results = sendAllSync([get(`http://127.0.0.1:${port}/`), get(`${server.base}/never`, 300)], 15_000);
    assert.deepEqual(results, [{ error: 'ECONNREFUSED' }, { error: 'TIMEOUT' }]);
  });
});
