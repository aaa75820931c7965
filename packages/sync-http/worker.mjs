// Sends the HTTP requests of a thread blocked in Atomics.wait (packages/sync-http/index.ts).
// Plain .mjs so that it loads in a worker with or without tsx. Protocol: a batch
// { id, requests } arrives on the port; the answer { id, results } is posted back, then the
// shared counter is bumped and notified (the blocked thread reads the port synchronously).
// Each request is sent once: a redirect comes back as it is, for the caller to follow or not.
import http from 'node:http';
import https from 'node:https';
import { workerData } from 'node:worker_threads';

const { signal, port } = workerData;
const counter = new Int32Array(signal);
// Keep-alive: dozens of small requests to the same server reuse one connection.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
const insecureAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

function send(request) {
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

port.on('message', async ({ id, requests }) => {
  const results = await Promise.all(requests.map(send));
  port.postMessage({ id, results });
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
