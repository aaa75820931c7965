import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createAppsScript } from '../index';

let child: ChildProcess;
let base = '';

before(async () => {
  child = spawn(process.execPath, [fileURLToPath(new URL('./fixtures/http-server.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  base = `http://127.0.0.1:${chunk.toString().trim()}`;
});

after(() => {
  child.kill();
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** An emulator allowed to reach the test server, as the playground is allowed its local sandbox. */
const local = () => createAppsScript({ playgroundOrigins: [base] });

describe("UrlFetchApp and the manifest's urlFetchWhitelist", () => {
  it("refuses what the project's manifest does not list, a local server included, before any request", () => {
    const app = createAppsScript();
    assert.throws(() => app.globals.UrlFetchApp.fetch(`${base}/echo`), { name: 'Exception', message: /not in the manifest's urlFetchWhitelist/ });
    assert.throws(() => app.globals.UrlFetchApp.fetch('https://evil.example/v1'), /urlFetchWhitelist/);
    assert.throws(() => app.globals.UrlFetchApp.fetchAll([`https://api.upflow.io/v1/customers`, 'https://hooks.slack.com.evil.example/x']), /urlFetchWhitelist/);
    // Listed: it goes out (and fails here only because this machine has no internet).
    assert.throws(() => app.globals.UrlFetchApp.fetch('https://api.upflow.io/v1/customers'), { message: 'Address unavailable: https://api.upflow.io/v1/customers' });
    assert.throws(() => app.globals.UrlFetchApp.fetch('https://hooks.slack.com/services/T0/B0/x'), /Address unavailable/);
  });

  it("matches Google's prefix rules: children of a prefix, case-sensitive paths, wildcard subdomains", () => {
    const { UrlFetchApp } = createAppsScript({ urlFetchWhitelist: ['https://example.com/foo', 'https://*.upflow.io/v1/'] }).globals;
    const refused = /urlFetchWhitelist/;
    const sent = /Address unavailable/;
    assert.throws(() => UrlFetchApp.fetch('https://example.com/foo/bar'), sent);
    assert.throws(() => UrlFetchApp.fetch('https://example.com/Foo'), refused);
    assert.throws(() => UrlFetchApp.fetch('http://example.com/foo'), refused);
    assert.throws(() => UrlFetchApp.fetch('https://api.sandbox.upflow.io/v1/members'), sent);
    assert.throws(() => UrlFetchApp.fetch('https://upflow.io/v1/members'), refused);
    assert.throws(() => UrlFetchApp.fetch('https://api.upflow.io/v2/members'), refused);
  });

  it('reaches a local origin only when given as a playground allowance, and only a local one', () => {
    const app = createAppsScript();
    assert.throws(() => app.globals.UrlFetchApp.fetch(`${base}/echo`), /urlFetchWhitelist/);
    app.allowPlaygroundOrigin(base);
    assert.equal(app.globals.UrlFetchApp.fetch(`${base}/echo`).getResponseCode(), 200);
    assert.throws(() => app.allowPlaygroundOrigin('https://api.example.com'), /local origin/);
  });
});

describe('UrlFetchApp against a real HTTP server', () => {
  it('GET returns code, text and headers with the case the server sent', () => {
    const { UrlFetchApp } = local().globals;
    const response = UrlFetchApp.fetch(`${base}/echo?q=1`, { headers: { Authorization: 'Bearer t0k' } });
    assert.equal(response.getResponseCode(), 200);
    const echoed = JSON.parse(response.getContentText());
    assert.equal(echoed.method, 'GET');
    assert.equal(echoed.path, '/echo?q=1');
    assert.equal(echoed.headers.authorization, 'Bearer t0k');
    assert.match(echoed.headers['user-agent'], /Google-Apps-Script/);
    assert.equal(response.getHeaders()['X-Request-Id'], 'r-1');
    assert.deepEqual(response.getAllHeaders()['Set-Cookie'], ['a=1', 'b=2']);
    assert.equal(response.getBlob().getContentType(), 'application/json');
    assert.deepEqual(response.getContent().slice(0, 2), [123, 34]);
  });

  it('POST sends a JSON payload with its content type, and objects form-encoded', () => {
    const { UrlFetchApp } = local().globals;
    const json = JSON.parse(UrlFetchApp.fetch(`${base}/echo`, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ name: 'Acme' }) }).getContentText());
    assert.deepEqual([json.method, json.headers['content-type'], json.body], ['POST', 'application/json', '{"name":"Acme"}']);
    const form = JSON.parse(UrlFetchApp.fetch(`${base}/echo`, { method: 'put', payload: { a: 'x y', b: 2 } }).getContentText());
    assert.deepEqual([form.method, form.headers['content-type'], form.body], ['PUT', 'application/x-www-form-urlencoded', 'a=x%20y&b=2']);
  });

  it('throws on status >= 400 unless muteHttpExceptions is set', () => {
    const { UrlFetchApp } = local().globals;
    assert.throws(() => UrlFetchApp.fetch(`${base}/status/500`), {
      name: 'Exception',
      message: `Request failed for ${base} returned code 500. Truncated server response: {"error":"status 500"} (use muteHttpExceptions option to examine full response)`,
    });
    const muted = UrlFetchApp.fetch(`${base}/status/404`, { muteHttpExceptions: true });
    assert.equal(muted.getResponseCode(), 404);
    assert.equal(muted.getContentText(), '{"error":"status 404"}');
  });

  it('follows redirects unless followRedirects is false', () => {
    const { UrlFetchApp } = local().globals;
    assert.equal(JSON.parse(UrlFetchApp.fetch(`${base}/redirect`).getContentText()).path, '/echo?from=redirect');
    const raw = UrlFetchApp.fetch(`${base}/redirect`, { followRedirects: false });
    assert.equal(raw.getResponseCode(), 302);
    assert.equal(raw.getHeaders()['Location'], '/echo?from=redirect');
  });

  it('fetchAll sends the requests concurrently and keeps their order', () => {
    const { UrlFetchApp } = local().globals;
    const started = Date.now();
    const responses = UrlFetchApp.fetchAll([`${base}/slow?ms=300&tag=first`, { url: `${base}/slow?ms=10&tag=second` }, { url: `${base}/status/503`, muteHttpExceptions: true }]);
    assert.deepEqual(
      responses.map((r) => r.getContentText().slice(0, 6)),
      ['first', 'second', '{"erro'],
    );
    assert.equal(responses[2]?.getResponseCode(), 503);
    assert.ok(Date.now() - started < 600, 'the slow requests ran in parallel');
  });

  it('a refused connection, a non-loopback host and a hung server throw Apps Script exceptions', async () => {
    const port = await closedPort();
    const { UrlFetchApp } = createAppsScript({ urlFetchTimeoutMs: 200, playgroundOrigins: [base, `http://127.0.0.1:${port}`] }).globals;
    assert.throws(() => UrlFetchApp.fetch(`http://127.0.0.1:${port}/`), { name: 'Exception', message: `Address unavailable: http://127.0.0.1:${port}/` });
    assert.throws(() => UrlFetchApp.fetch('https://api.upflow.io/v1/customers'), { message: 'Address unavailable: https://api.upflow.io/v1/customers' });
    assert.throws(() => UrlFetchApp.fetch(`${base}/slow?ms=3000`), { message: `Timeout: ${base}/slow?ms=3000` });
    assert.throws(() => UrlFetchApp.fetch('not a url'), { message: 'Invalid argument: not a url' });
  });

  // How fast they are is for `npm run bench`, not a test: the machine's load decides it.
  it('requests count as UrlFetchApp calls and spend the daily quota, fetchAll one per request', () => {
    const app = createAppsScript({ playgroundOrigins: [base], urlFetchQuota: 32 });
    app.calls.reset();
    for (let i = 0; i < 30; i++) app.globals.UrlFetchApp.fetch(`${base}/echo`);
    assert.equal(app.calls.get('UrlFetchApp.fetch'), 30);
    assert.throws(() => app.globals.UrlFetchApp.fetchAll([`${base}/echo`, `${base}/echo`, `${base}/echo`]), { message: 'Service invoked too many times for one day: urlfetch.' });
    assert.equal(app.globals.UrlFetchApp.fetchAll([`${base}/echo`, `${base}/echo`]).length, 2);
    assert.throws(() => app.globals.UrlFetchApp.fetch(`${base}/echo`), /too many times/);
  });
});
