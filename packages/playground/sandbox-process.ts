/** Starts packages/playground/sandbox-child.ts as a child process and stops it. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export interface SandboxProcess {
  /** API base, e.g. http://127.0.0.1:4010/v1 */
  url: string;
  /** e.g. http://127.0.0.1:4010 (its page lists what it holds) */
  origin: string;
  /** Back to the seed (POST /_admin/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startSandboxProcess(options: { port: number; dbFile: string }, log: (line: string) => void): Promise<SandboxProcess> {
  // cwd is the repository so `--import tsx` resolves from its node_modules. Its own process
  // group keeps a Ctrl-C in the terminal for the playground, which then stops it in order.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });

  const address = await new Promise<{ url: string; origin: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Upflow sandbox did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { url: string; origin: string });
      } catch {
        reject(new Error(`The Upflow sandbox said something unexpected: ${line}`));
      }
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`The Upflow sandbox exited (code ${String(code)}) before it was ready; see the messages above.`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  // Whatever else it prints belongs on the terminal, not in a full pipe that would block it.
  lines.on('line', log);

  let stopping: Promise<void> | undefined;
  void exited.then(([code, signal]) => {
    if (!stopping) log(`The Upflow sandbox stopped by itself (${signal ?? `exit code ${String(code)}`}): calls to Upflow will fail until the playground restarts.`);
  });
  return {
    ...address,
    async reset() {
      const response = await fetch(`${address.origin}/_admin/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`The sandbox refused to reset (HTTP ${response.status}).`);
    },
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
