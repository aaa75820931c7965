import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPort, startFixtureServer } from '../../packages/sync-http/test/server';
import { createNodeTransport } from '../../src/node/sync-transport';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
const transport = createNodeTransport({ timeoutMs: 10_000 });
before(async () => {
  server = await startFixtureServer();
});
after(() => {
  transport.close();
  server.stop();
});

describe("the CLI's transport to Upflow", () => {
  it('gives header names in lower case, a repeated header once with its values joined, and the body as UTF-8 text', () => {
    const [echo, utf8] = transport.sendAll([
      { method: 'POST', url: `${server.base}/echo`, headers: { 'Content-Type': 'application/json' }, body: '{"name":"Société"}' },
      { method: 'GET', url: `${server.base}/utf8`, headers: {} },
    ]);
    assert.ok(echo && 'status' in echo && utf8 && 'status' in utf8);
    assert.equal(echo.headers['set-cookie'], 'a=1, b=2');
    assert.equal(echo.headers['x-path'], '/echo');
    assert.deepEqual(JSON.parse(echo.body), { method: 'POST', contentType: 'application/json', body: '{"name":"Société"}' });
    assert.equal(utf8.body, 'Société Générale · 東京');
  });

  it('does not follow a redirect: the key and secret must not travel to another address', () => {
    const [result] = transport.sendAll([{ method: 'GET', url: `${server.base}/redirect`, headers: {} }]);
    assert.ok(result && 'status' in result);
    assert.equal(result.status, 302);
    assert.equal(result.headers.location, '/echo');
  });

  it('reports a refused connection as a failure with its code, after close() too', async () => {
    transport.close();
    const port = await closedPort();
    assert.deepEqual(transport.sendAll([{ method: 'GET', url: `http://127.0.0.1:${port}/v1/customers`, headers: {} }]), [{ failure: 'ECONNREFUSED' }]);
  });
});
