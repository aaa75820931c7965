/**
 * Sandboxes in a worker thread of this process, for the tests: the emulator's UrlFetchApp and the
 * CLI's transport block the thread that waits on them, so a sandbox must answer from another
 * thread, and one thread can hold any number of sandboxes. Its code (Fastify, sql.js, zod) is
 * loaded once per process, where a child process per sandbox (process.ts) loads it every time.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { resetSandboxAt, type RunningSandbox } from './process';
import type { SandboxOptions } from './server';

/** What the options of a sandbox may hold to cross to the thread: no function. */
export type ThreadSandboxOptions = Omit<SandboxOptions, 'log'>;

type ToThread = { kind: 'start'; id: number; options: ThreadSandboxOptions } | { kind: 'stop'; id: number };
type FromThread = { kind: 'started'; id: number; origin: string; api: string } | { kind: 'failed'; id: number; message: string } | { kind: 'stopped'; id: number };

let host: { worker: Worker; waiting: Map<number, (message: FromThread) => void>; nextId: number } | null = null;

function openHost(): NonNullable<typeof host> {
  if (host) return host;
  // On Node 20 a worker gets neither the parent's TypeScript loader nor a .ts entry file: a
  // one-line script loads this file through tsx's API instead.
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(import.meta.url);
  const worker = new Worker(`import(${api}).then(({ tsImport }) => tsImport(${self}, ${self}))`, { eval: true });
  const opened = { worker, waiting: new Map<number, (message: FromThread) => void>(), nextId: 1 };
  worker.on('message', (message: FromThread) => {
    opened.waiting.get(message.id)?.(message);
    opened.waiting.delete(message.id);
    // Nothing asked of the thread: it must not keep the process alive.
    if (opened.waiting.size === 0) worker.unref();
  });
  worker.on('error', (error) => {
    for (const answer of opened.waiting.values()) answer({ kind: 'failed', id: 0, message: error.message });
    opened.waiting.clear();
    host = null;
  });
  host = opened;
  return opened;
}

function ask(message: ToThread): Promise<FromThread> {
  const opened = openHost();
  opened.worker.ref();
  return new Promise((resolve) => {
    opened.waiting.set(message.id, resolve);
    opened.worker.postMessage(message);
  });
}

/** Starts a sandbox (in memory unless `dbFile` says otherwise) in this process's sandbox thread. */
export async function startSandboxInThread(options: ThreadSandboxOptions = {}): Promise<RunningSandbox> {
  const id = openHost().nextId++;
  const answer = await ask({ kind: 'start', id, options });
  if (answer.kind !== 'started') throw new Error(`The Upflow sandbox did not start: ${answer.kind === 'failed' ? answer.message : answer.kind}`);
  let stopping: Promise<void> | undefined;
  return {
    origin: answer.origin,
    api: answer.api,
    reset: () => resetSandboxAt(answer.origin),
    stop: () => (stopping ??= ask({ kind: 'stop', id }).then(() => undefined)),
  };
}

if (parentPort) {
  const port = parentPort;
  const send = (message: FromThread) => port.postMessage(message);
  const { startSandbox } = await import('./server');
  const running = new Map<number, Awaited<ReturnType<typeof startSandbox>>>();
  port.on('message', (message: ToThread) => {
    if (message.kind === 'start') {
      startSandbox({ port: 0, ...message.options }).then(
        (sandbox) => {
          running.set(message.id, sandbox);
          send({ kind: 'started', id: message.id, origin: sandbox.origin, api: sandbox.url });
        },
        (error: unknown) => send({ kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
      );
    } else {
      const sandbox = running.get(message.id);
      running.delete(message.id);
      void (sandbox?.close() ?? Promise.resolve()).finally(() => send({ kind: 'stopped', id: message.id }));
    }
  });
}
