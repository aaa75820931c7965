/**
 * `npm start [-- customers.csv|customers.xlsx] [--port N]`: the playground on 127.0.0.1.
 * The port also comes from PLAYGROUND_PORT (default 8080, any free one when taken).
 * Runs until Ctrl-C; the sheet is kept in data/playground.json between runs.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPlayground } from './server';

function fail(message: string): never {
  process.stderr.write(`playground: ${message}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: true,
  strict: true,
});

if (values.help) {
  process.stdout.write('Usage: npm start [-- customers.csv|customers.xlsx] [--port N]\n');
  process.exit(0);
}
if (positionals.length > 1) fail('give at most one file to open.');

const portText = values.port ?? process.env.PLAYGROUND_PORT ?? '8080';
if (!/^\d+$/.test(portText) || Number(portText) > 65535) fail(`the port must be a number from 0 to 65535 (got ${JSON.stringify(portText)}).`);

// npm runs scripts from the package's folder; a relative path was typed where npm was started.
const inputFile = positionals[0] === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
const playground = await startPlayground({ port: Number(portText), inputFile }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

process.stdout.write(
  [
    '',
    `  Upflow import playground: ${playground.url}`,
    `  Upflow sandbox:           ${playground.sandboxPage}`,
    '',
    "  The sheet is saved in data/playground.json; the page's Reset button starts over.",
    '  Ctrl-C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  playground.close().then(
    () => process.exit(0),
    (error: unknown) => fail(`error while stopping: ${String(error)}`),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
