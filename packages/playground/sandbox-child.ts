/**
 * The sandbox in its own process: the emulator's UrlFetchApp blocks the playground's thread
 * while it waits, so a server in that thread could never answer. Prints one JSON line with its
 * address, then serves until SIGTERM/SIGINT or until its parent goes away (stdin closes).
 * Usage: node --import tsx packages/playground/sandbox-child.ts '{"port":4010,"dbFile":"data/sandbox.sqlite"}'
 */
import { startSandbox } from '../upflow-sandbox/server';
import { portOrAny } from './free-port';

interface ChildOptions {
  /** Tried first; any free port when taken. */
  port: number;
  dbFile: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;

const sandbox = await startSandbox({ port: await portOrAny(options.port), dbFile: options.dbFile });
process.stdout.write(`${JSON.stringify({ url: sandbox.url, origin: sandbox.origin })}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  // Closing flushes the database file.
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`upflow sandbox: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
