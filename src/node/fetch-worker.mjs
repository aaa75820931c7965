// Worker half of the synchronous HTTP transport: performs a batch of requests with fetch, all at
// once, then wakes the waiting thread. Plain JavaScript so it loads with or without tsx.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', async ({ requests, port, signal, timeoutMs }) => {
  const outcomes = await Promise.all(
    requests.map(async (r) => {
      try {
        const response = await fetch(r.url, {
          method: r.method,
          headers: r.headers,
          body: r.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const headers = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        return { status: response.status, headers, body: await response.text() };
      } catch (error) {
        const cause = error?.cause?.code ?? error?.name ?? 'network error';
        return { failure: String(cause) };
      }
    }),
  );
  port.postMessage(outcomes);
  port.close();
  const flag = new Int32Array(signal);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
