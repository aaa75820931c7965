import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/**
 * Synchronous HTTP in Node, as Apps Script's UrlFetchApp blocks: a worker thread
 * (worker.mjs) sends a batch of requests at once while the calling thread waits on Atomics.
 * Used by the emulator's UrlFetchApp and by the CLI's transport to Upflow. A server answering
 * these requests must not run on the waiting thread.
 */
export interface SyncRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** false accepts any certificate (UrlFetchApp's validateHttpsCertificates). */
  validateHttpsCertificates: boolean;
  timeoutMs: number;
}

/** An answer, redirects included (they are not followed), or the error code of a request that got none (`TIMEOUT`, `ECONNREFUSED`, ...). */
export type SyncResult = { status: number; rawHeaders: string[]; body: Uint8Array } | { error: string };

interface Channel {
  worker: Worker;
  port: MessagePort;
  counter: Int32Array;
  nextId: number;
}

// One worker per process, spawned on first use and unref'd so it never keeps Node alive.
let channel: Channel | null = null;

function openChannel(): Channel {
  if (channel) return channel;
  const shared = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: { signal: shared, port: port2 },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  channel = { worker, port: port1, counter: new Int32Array(shared), nextId: 1 };
  return channel;
}

/**
 * Sends the requests at once and blocks this thread until every answer is in, or until `waitMs`
 * has passed (each request still unanswered then is a `TIMEOUT`). Answers come in request order.
 */
export function sendAllSync(requests: SyncRequest[], waitMs: number): SyncResult[] {
  if (requests.length === 0) return [];
  const ch = openChannel();
  const id = ch.nextId++;
  ch.port.postMessage({ id, requests });
  const deadline = Date.now() + waitMs;
  for (;;) {
    // Read the counter before draining the port: an answer landing in between changes the
    // counter, so the wait below returns at once instead of missing the notification.
    const seen = Atomics.load(ch.counter, 0);
    for (let m = receiveMessageOnPort(ch.port); m !== undefined; m = receiveMessageOnPort(ch.port)) {
      const answer = m.message as { id: number; results: SyncResult[] };
      if (answer.id === id) return answer.results;
    }
    const left = deadline - Date.now();
    if (left <= 0) return requests.map(() => ({ error: 'TIMEOUT' }));
    Atomics.wait(ch.counter, 0, seen, left);
  }
}

/** Ends the worker and its open connections; the next request starts a new one. */
export function closeSyncHttp(): void {
  void channel?.worker.terminate();
  channel = null;
}
