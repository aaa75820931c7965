// Runs the HTTP requests of UrlFetchApp while the script's thread is blocked in Atomics.wait.
// Plain .mjs so that it loads in a worker with or without tsx. Protocol: a batch
// { id, requests } arrives on the port; the answer { id, results } is posted back, then the
// shared counter is bumped and notified (the blocked thread reads the port synchronously).
import http from 'node:http';
import https from 'node:https';
import { workerData } from 'node:worker_threads';

const { signal, port } = workerData;
const counter = new Int32Array(signal);
// Keep-alive: dozens of small requests to the same test server reuse one connection.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const insecureAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
const MAX_REDIRECTS = 20;

function isLoopback(hostname) {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function once(request) {
  return new Promise((resolve) => {
    const url = new URL(request.url);
    const transport = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' && !request.validateHttpsCertificates ? insecureAgent : agents[url.protocol];
    const req = transport.request(url, { method: request.method, headers: request.headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: new Uint8Array(Buffer.concat(chunks)) }));
      res.on('error', (error) => resolve({ error: error.code ?? 'ECONNRESET' }));
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), request.timeoutMs);
    req.on('error', (error) => resolve({ error: error.code ?? 'UNKNOWN' }));
    req.on('close', () => clearTimeout(timer));
    req.end(request.body ?? undefined);
  });
}

async function perform(request) {
  let current = request;
  for (let hop = 0; ; hop++) {
    const result = await once(current);
    const location = result.status >= 300 && result.status < 400 ? headerValue(result.rawHeaders, 'location') : undefined;
    if (!current.followRedirects || location === undefined || hop >= MAX_REDIRECTS) return { ...result, url: current.url };
    const next = new URL(location, current.url);
    if (!isLoopback(next.hostname)) return { error: 'UNREACHABLE', url: next.href };
    const keepMethod = result.status === 307 || result.status === 308;
    current = {
      ...current,
      url: next.href,
      method: keepMethod ? current.method : 'GET',
      body: keepMethod ? current.body : null,
      headers: keepMethod ? current.headers : withoutBodyHeaders(current.headers),
    };
  }
}

function headerValue(rawHeaders, name) {
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name) return rawHeaders[i + 1];
  return undefined;
}

function withoutBodyHeaders(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-(type|length)$/i.test(k)));
}

port.on('message', async ({ id, requests }) => {
  const results = await Promise.all(requests.map(perform));
  port.postMessage({ id, results });
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
