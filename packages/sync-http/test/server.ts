import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The fixture server in a child process; `stop()` ends it. */
export async function startFixtureServer(): Promise<{ base: string; stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(new URL('./fixtures/server.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { base: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill() };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
