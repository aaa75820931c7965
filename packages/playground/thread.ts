/**
 * Runs startPlayground() in a worker thread for the browser tests. The add-on's executions block
 * the thread they run in (UrlFetchApp waits synchronously): in the test's own thread they would
 * freeze Playwright too, and a test could never watch an import while it runs.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { PlaygroundOptions } from './server';

export interface PlaygroundThread {
  url: string;
  sandboxPage: string;
  sandboxApi: string;
  close(): Promise<void>;
}

type FromThread =
  { kind: 'started'; url: string; sandboxPage: string; sandboxApi: string } | { kind: 'failed'; message: string } | { kind: 'log'; line: string } | { kind: 'closed' };

type ThreadOptions = Omit<PlaygroundOptions, 'log'>;

const CLOSE_TIMEOUT_MS = 20_000;

export function startPlaygroundThread(options: ThreadOptions, log: (line: string) => void): Promise<PlaygroundThread> {
  // On Node 20 a worker gets neither the test runner's TypeScript loader nor a .ts entry file:
  // a one-line script loads this file through tsx's API instead.
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(import.meta.url);
  const worker = new Worker(`import(${api}).then(({ tsImport }) => tsImport(${self}, ${self}))`, { eval: true, workerData: options });
  return new Promise((resolve, reject) => {
    let closed: (() => void) | null = null;
    let overdue: NodeJS.Timeout | undefined;
    worker.on('error', reject);
    worker.on('exit', () => {
      clearTimeout(overdue);
      closed?.();
    });
    worker.on('message', (message: FromThread) => {
      switch (message.kind) {
        case 'log':
          log(message.line);
          break;
        case 'failed':
          reject(new Error(message.message));
          void worker.terminate();
          break;
        case 'closed':
          void worker.terminate();
          break;
        case 'started':
          resolve({
            url: message.url,
            sandboxPage: message.sandboxPage,
            sandboxApi: message.sandboxApi,
            close: () =>
              new Promise<void>((done) => {
                closed = done;
                worker.postMessage('close');
                // A test must end even when a close hangs: the thread's handles, the sandbox's
                // pipe included, go with it (and the sandbox stops when its stdin closes).
                overdue = setTimeout(() => {
                  log(`the playground did not close within ${CLOSE_TIMEOUT_MS / 1000} s: its thread is terminated`);
                  void worker.terminate();
                }, CLOSE_TIMEOUT_MS);
              }),
          });
      }
    });
  });
}

if (parentPort) {
  const port = parentPort;
  const send = (message: FromThread) => port.postMessage(message);
  const { startPlayground } = await import('./server');
  try {
    const playground = await startPlayground({ ...(workerData as ThreadOptions), log: (line) => send({ kind: 'log', line }) });
    port.on('message', () => {
      void playground.close().finally(() => send({ kind: 'closed' }));
    });
    send({ kind: 'started', url: playground.url, sandboxPage: playground.sandboxPage, sandboxApi: playground.sandboxApi });
  } catch (error) {
    send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
