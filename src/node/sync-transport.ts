import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { HttpOutcome, HttpRequest, HttpTransport } from '../engine/upflow/http';

/**
 * The engine's synchronous HTTP in Node: a worker thread runs fetch while this thread waits on
 * Atomics, as Apps Script's UrlFetchApp blocks. The server must not run on this thread.
 */
export function createNodeTransport(options: { timeoutMs?: number } = {}): HttpTransport & { close(): void } {
  let worker: Worker | null = null;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return {
    sendAll(requests: HttpRequest[]): HttpOutcome[] {
      if (requests.length === 0) return [];
      if (!worker) {
        worker = new Worker(new URL('./fetch-worker.mjs', import.meta.url));
        worker.unref();
      }
      const signal = new SharedArrayBuffer(4);
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ requests, port: port2, signal, timeoutMs }, [port2]);
      Atomics.wait(new Int32Array(signal), 0, 0, timeoutMs + 5_000);
      const message = receiveMessageOnPort(port1);
      port1.close();
      return (message?.message as HttpOutcome[] | undefined) ?? requests.map(() => ({ failure: 'timeout' }));
    },
    sleep(ms: number): void {
      Atomics.wait(sleeper, 0, 0, ms);
    },
    now: () => Date.now(),
    close(): void {
      void worker?.terminate();
      worker = null;
    },
  };
}
