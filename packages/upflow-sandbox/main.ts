/**
 * Command line:
 *   node --import tsx packages/upflow-sandbox/main.ts [--port N] [--host H] [--db data/sandbox.sqlite] [--seed packages/upflow-sandbox/seed.json]
 *        [--rate N] [--max-in-flight N] [--faults '{"errorRate":0.1}'] [--profile documented|hard] [--log] [--exit-with-stdin]
 * The port also comes from UPFLOW_SANDBOX_PORT; [inferred] default port 4010. `--db :memory:` keeps nothing.
 * SIGINT / SIGTERM close the server and flush the database file; so does the end of standard input
 * with --exit-with-stdin, which a parent gives when the sandbox must not outlive it (process.ts).
 */
import { parseArgs } from 'node:util';
import { faultsSchema } from './schemas';
import { PROFILES, type Profile } from './readings';
import { startSandbox } from './server';

function fail(message: string): never {
  process.stderr.write(`upflow sandbox: ${message}\n`);
  process.exit(2);
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) fail(`${name} must be a whole number (got ${JSON.stringify(value)})`);
  return Number(value);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    rate: { type: 'string' },
    'max-in-flight': { type: 'string' },
    faults: { type: 'string' },
    profile: { type: 'string' },
    log: { type: 'boolean' },
    'exit-with-stdin': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write(
    'Usage: node --import tsx packages/upflow-sandbox/main.ts [--port N] [--host H] [--db FILE] [--seed FILE] [--rate N] [--max-in-flight N] [--faults JSON] [--profile documented|hard] [--log] [--exit-with-stdin]\n',
  );
  process.exit(0);
}

function profileOf(value: string | undefined): Profile | undefined {
  if (value === undefined) return undefined;
  if (!(value in PROFILES)) fail(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);
  return value as Profile;
}

let faults;
if (values.faults) {
  let raw: unknown;
  try {
    raw = JSON.parse(values.faults);
  } catch {
    fail('--faults must be JSON, e.g. \'{"errorRate":0.1}\'');
  }
  const parsed = faultsSchema.safeParse(raw);
  if (!parsed.success) fail(`--faults: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  faults = parsed.data;
}

const sandbox = await startSandbox({
  host: values.host ?? '127.0.0.1',
  port: integer('--port', values.port) ?? integer('UPFLOW_SANDBOX_PORT', process.env.UPFLOW_SANDBOX_PORT) ?? 4010,
  dbFile: values.db ?? 'data/sandbox.sqlite',
  seed: values.seed,
  rateLimitPerMinute: integer('--rate', values.rate),
  maxInFlight: integer('--max-in-flight', values['max-in-flight']),
  faults,
  profile: profileOf(values.profile),
  log: values.log ?? false,
}).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));

process.stdout.write(`Upflow sandbox listening on ${sandbox.origin} (API base ${sandbox.url})\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  sandbox
    .close()
    .then(() => {
      process.stdout.write(`Upflow sandbox stopped (${signal})\n`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      process.stderr.write(`upflow sandbox: error while closing: ${String(err)}\n`);
      process.exit(1);
    });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
if (values['exit-with-stdin']) {
  process.stdin.on('end', () => stop('standard input closed'));
  process.stdin.on('error', () => stop('standard input closed'));
  process.stdin.resume();
}
