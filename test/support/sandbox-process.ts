import { startSandboxProcess as startChild, type SandboxProcess as Child } from '@upflow-sheets/upflow-sandbox/process';

export const DEMO_KEY = 'demo-key';
export const DEMO_SECRET = 'demo-secret';

export interface SandboxProcess extends Child {
  /** GET an API path with the demo credentials. */
  get<T = unknown>(path: string): Promise<T>;
  admin<T = unknown>(path: string, body?: unknown): Promise<T>;
}

/** The local Upflow sandbox in a child process, with the seed's demo credentials at hand. */
export async function startSandboxProcess(args: string[] = []): Promise<SandboxProcess> {
  const child = await startChild({ args });
  const headers = { 'X-Api-Key': DEMO_KEY, 'X-Api-Secret': DEMO_SECRET };
  return {
    ...child,
    async get<T>(path: string) {
      const response = await fetch(`${child.api}${path}`, { headers });
      return (await response.json()) as T;
    },
    async admin<T>(path: string, body?: unknown) {
      const response = await fetch(
        `${child.origin}/_admin${path}`,
        body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      );
      return (await response.json()) as T;
    },
  };
}
