/** Shared helpers of the sandbox tests: start a sandbox on a free port and call it with fetch. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { startSandbox, type Sandbox, type SandboxOptions } from '../server';
import type { CustomerOut, SeedInput } from '../schemas';

export const KEY = 'demo-key';
export const SECRET = 'demo-secret';

export const DEFAULT_SEED: SeedInput = JSON.parse(readFileSync(new URL('../seed.json', import.meta.url), 'utf8'));

/** Ids from packages/upflow-sandbox/seed.json. */
export const SEED = {
  camille: 'dac09549-5ae5-454b-86b4-716e9602b70f', // ACCOUNT_MANAGER
  john: '194e3d96-b3fb-471c-830c-e192f001d4a5', // ACCOUNT_MANAGER
  lea: 'd67e32ea-99f8-4df5-9393-b195a0a0c5b0', // ACCOUNT_MANAGER
  thomas: '190b4c62-d69f-4746-8dbd-70ee5ca834c8', // FINANCE_USER
  standard: '4f5d5e3a-dcc8-49ff-99ff-423bc4080ba3',
  keyAccounts: '85e94e21-dd4e-4b3e-a1d7-aee283b65404',
  martinId: 'efeef973-8136-4b1f-a544-3c7973d7ac6c', // C-1001
  customers: 6,
};

const open = new Set<Sandbox>();

/** A sandbox on a free port, in memory, with limits out of the way unless the test sets them. */
export async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandbox({ dbFile: ':memory:', port: 0, rateLimitPerMinute: 100_000, maxInFlight: 1_000, ...options });
  open.add(sb);
  const close = sb.close.bind(sb);
  sb.close = () => {
    open.delete(sb);
    return close();
  };
  return sb;
}

// What a test file started and left open, when an assertion failed half-way, is closed once that
// file's tests end (otherwise a listening server would keep the test process alive). Where test
// files share a process (scripts/test.mjs) this runs after the first file's: each file closes its own.
after(() => Promise.all([...open].map((sb) => sb.close())));

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  get<T = any>(path: string): Promise<Answer<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Answer<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Answer<T>>;
  del<T = any>(path: string): Promise<Answer<T>>;
}

export function client(sb: Sandbox, credentials: { key?: string; secret?: string } = {}): Client {
  const headers: Record<string, string> = {};
  const key = credentials.key ?? KEY;
  const secret = credentials.secret ?? SECRET;
  if (key) headers['x-api-key'] = key;
  if (secret) headers['x-api-secret'] = secret;
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${sb.url}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
    del: (p) => call('DELETE', p),
  };
}

export async function allCustomers(api: Client): Promise<CustomerOut[]> {
  const page = await api.get<{ customers: CustomerOut[] }>('/customers?limit=500');
  return page.body.customers;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'upflow-sandbox-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
