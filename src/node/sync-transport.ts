import { closeSyncHttp, sendAllSync, type SyncResult } from '@upflow-sheets/sync-http';
import type { HttpOutcome, HttpRequest, HttpTransport } from '../engine/upflow/http';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Header names in lower case, as the engine reads them; a repeated header's values joined with ", ", as fetch's Headers does. */
function lowerCaseHeaders(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    const value = rawHeaders[i + 1] as string;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

function toOutcome(result: SyncResult): HttpOutcome {
  if ('error' in result) return { failure: result.error };
  return { status: result.status, headers: lowerCaseHeaders(result.rawHeaders), body: decoder.decode(result.body) };
}

/**
 * The engine's synchronous HTTP in Node (packages/sync-http): a worker thread sends while this
 * thread waits on Atomics, as Apps Script's UrlFetchApp blocks. Redirects are not followed. The
 * server must not run on this thread.
 */
export function createNodeTransport(options: { timeoutMs?: number } = {}): HttpTransport & { close(): void } {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return {
    sendAll(requests: HttpRequest[]): HttpOutcome[] {
      const sent = requests.map((r) => ({
        url: r.url,
        method: r.method,
        headers: r.headers,
        body: r.body === undefined ? null : encoder.encode(r.body),
        validateHttpsCertificates: true,
        timeoutMs,
      }));
      return sendAllSync(sent, timeoutMs + 5_000).map(toOutcome);
    },
    sleep(ms: number): void {
      Atomics.wait(sleeper, 0, 0, ms);
    },
    now: () => Date.now(),
    close: closeSyncHttp,
  };
}
