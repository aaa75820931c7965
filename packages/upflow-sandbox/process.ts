/**
 * The sandbox in a child process (main.ts), for the playground, the tests and the benchmarks: the
 * emulator's UrlFetchApp and the CLI's transport block their thread while they wait, so a
 * sandbox in that thread could never answer.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A sandbox as whoever started it reaches it: over HTTP, whether it runs in a child process, a thread or elsewhere. */
export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010 (its page lists what it holds) */
  origin: string;
  /** API base, e.g. http://127.0.0.1:4010/v1 */
  api: string;
  /** Back to the seed (POST /_admin/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface SandboxProcess extends RunningSandbox {
  dbFile: string;
}

export interface SandboxProcessOptions {
  /** 0 (the default) for any free port. */
  port?: number;
  /** Default: a new file in a temporary folder. */
  dbFile?: string;
  /** More of main.ts's options: `--profile hard`, `--rate 6000`, `--faults {...}`... */
  args?: string[];
  /** Where the sandbox's own lines go once it listens (its request log, its errors). Default: nowhere. */
  log?: (line: string) => void;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const LISTENING = /listening on (http:\/\/\S+) \(API base (http:\/\/\S+)\)/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startSandboxProcess(options: SandboxProcessOptions = {}): Promise<SandboxProcess> {
  const dbFile = options.dbFile ?? join(mkdtempSync(join(tmpdir(), 'upflow-sandbox-')), 'sandbox.sqlite');
  const log = options.log ?? (() => undefined);
  const args = ['--port', String(options.port ?? 0), '--db', dbFile, '--exit-with-stdin', ...(options.args ?? [])];
  // Its own process group keeps a Ctrl-C in the terminal for the parent, which then stops it in
  // order; its stdin closing (the parent gone) stops it too.
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const exited = once(child, 'exit');
  const output = createInterface({ input: child.stdout });
  const errors = createInterface({ input: child.stderr });
  const said: string[] = [];
  let ready = false;
  errors.on('line', (line) => (ready ? log(line) : said.push(line)));

  const address = await new Promise<{ origin: string; api: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Upflow sandbox did not start within ${START_TIMEOUT_MS / 1000} s: ${said.join('\n')}`)), START_TIMEOUT_MS);
    output.on('line', (line) => {
      if (ready) return log(line);
      const match = LISTENING.exec(line);
      if (!match) return void said.push(line);
      ready = true;
      clearTimeout(timer);
      resolve({ origin: match[1] as string, api: match[2] as string });
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`The Upflow sandbox exited (code ${String(code)}) before it was ready: ${said.join('\n')}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  let stopping: Promise<void> | undefined;
  void exited.then(([code, signal]) => {
    if (!stopping) log(`The Upflow sandbox stopped by itself (${signal ?? `exit code ${String(code)}`}): calls to Upflow will fail until it is started again.`);
  });
  return {
    ...address,
    dbFile,
    reset: () => resetSandboxAt(address.origin),
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })()),
  };
}

/** Brings the sandbox at `origin` back to its seed (POST /_admin/reset). */
export async function resetSandboxAt(origin: string): Promise<void> {
  const response = await fetch(`${origin}/_admin/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`The sandbox refused to reset (HTTP ${response.status}).`);
}
