import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../packages/upflow-sandbox/main.ts', import.meta.url));
export const DEMO_KEY = 'demo-key';
export const DEMO_SECRET = 'demo-secret';

export interface SandboxProcess {
  origin: string;
  api: string;
  dbFile: string;
  /** GET an API path with the demo credentials. */
  get<T = unknown>(path: string): Promise<T>;
  admin<T = unknown>(path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The local Upflow sandbox in a child process: the add-on's UrlFetchApp blocks this thread while
 * it waits, so the server must live elsewhere.
 */
export async function startSandboxProcess(args: string[] = [], dbFile = join(mkdtempSync(join(tmpdir(), 'upflow-sandbox-')), 'sandbox.sqlite')): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--db', dbFile, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)));
  });
  const headers = { 'X-Api-Key': DEMO_KEY, 'X-Api-Secret': DEMO_SECRET };
  return {
    origin,
    api: `${origin}/v1`,
    dbFile,
    async get<T>(path: string) {
      const response = await fetch(`${origin}/v1${path}`, { headers });
      return (await response.json()) as T;
    },
    async admin<T>(path: string, body?: unknown) {
      const response = await fetch(
        `${origin}/_admin${path}`,
        body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      );
      return (await response.json()) as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
