import { type RunningSandbox, startSandboxProcess as startChild } from '@upflow-sheets/upflow-sandbox/process';
import { startSandboxInThread, type ThreadSandboxOptions } from '@upflow-sheets/upflow-sandbox/thread';

export const DEMO_KEY = 'demo-key';
export const DEMO_SECRET = 'demo-secret';

export interface TestSandbox extends RunningSandbox {
  /** GET an API path with the demo credentials. */
  get<T = unknown>(path: string): Promise<T>;
  admin<T = unknown>(path: string, body?: unknown): Promise<T>;
}

/**
 * The local Upflow sandbox for a test, in memory, with the seed's demo credentials at hand: in
 * this process's sandbox thread, which loads the sandbox's code once for all the tests of the process.
 */
export async function startTestSandbox(options: ThreadSandboxOptions = {}): Promise<TestSandbox> {
  return withDemoCredentials(await startSandboxInThread(options));
}

/** The same in a child process of its own (`--profile hard`, `--rate 6000`...), as the benchmarks measure it. */
export async function startSandboxProcess(args: string[] = []): Promise<TestSandbox> {
  return withDemoCredentials(await startChild({ args }));
}

function withDemoCredentials(sandbox: RunningSandbox): TestSandbox {
  const headers = { 'X-Api-Key': DEMO_KEY, 'X-Api-Secret': DEMO_SECRET };
  return {
    ...sandbox,
    async get<T>(path: string) {
      const response = await fetch(`${sandbox.api}${path}`, { headers });
      return (await response.json()) as T;
    },
    async admin<T>(path: string, body?: unknown) {
      const response = await fetch(
        `${sandbox.origin}/_admin${path}`,
        body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      );
      return (await response.json()) as T;
    },
  };
}
