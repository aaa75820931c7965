// Runs every *.test.ts under test/ and packages/ with Node's built-in runner (Vitest 4 needs Node 22).
// Usage: node scripts/test.mjs [folder-or-file ...]
//        node scripts/test.mjs --unit    the fast loop (npm run test:unit), see UNIT
//        node scripts/test.mjs --typecheck [folder-or-file ...]   the type-checks too, at the same time (npm test)
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';

/**
 * The tests of pure modules: no build, no server, no browser, no real network. The engine, the
 * engine against hostile sheets, the emulator's in-memory services, the sandbox's statistics.
 * A new test of a pure module goes under one of these, or is added here.
 */
const UNIT = [
  'test/engine',
  'test/sidebar',
  'test/fuzz/hostile-engine.test.ts',
  'packages/apps-script-emulator/test/conversion.test.ts',
  'packages/apps-script-emulator/test/people.test.ts',
  'packages/apps-script-emulator/test/project.test.ts',
  'packages/apps-script-emulator/test/range.test.ts',
  'packages/apps-script-emulator/test/services.test.ts',
  'packages/apps-script-emulator/test/spreadsheet.test.ts',
  'packages/upflow-sandbox/test/peak-rate.test.ts',
];

/**
 * Starting a process with tsx and loading zod, Fastify, the emulator or Playwright costs a second
 * or more, more than most test files take: the files of a group share one process, their tests in
 * one suite, one after another unless the group says how many run at once. A file's top-level
 * hooks are then the suite's: its `before` runs before the group's first test, its `after` after
 * the last, its `beforeEach` before each test of the group. A file in no group (the CLI's, which
 * spend their time in processes of their own) has a process to itself.
 */
const GROUPS = [
  // Chromium and a playground per test, mostly waiting on them, six at once (twelve at once thrash the two cores): one Chromium for all (test/browser/session.ts).
  { name: 'browser', paths: ['test/browser'], concurrency: 6 },
  // The built add-on in the emulator against sandboxes in a thread of the process (test/support/sandbox-process.ts),
  // in two processes of about a minute each: the fault and same-name tests, and the others.
  { name: 'import-faults', paths: ['test/import/faults.test.ts', 'test/import/same-name.test.ts'] },
  { name: 'import', paths: ['test/import'] },
  { name: 'add-on', paths: ['test/addon', 'test/node', 'test/fuzz/hostile-addon.test.ts', 'packages/apps-script-emulator/test/url-fetch.test.ts', 'packages/sync-http/test'] },
  { name: 'sandbox', paths: ['packages/upflow-sandbox/test'] },
];
/** The unit tests run in one process per core, each importing its share of the files. */
const UNIT_PROCESSES = 2;
/** Processes at once: most of a browser or import test's time is spent waiting on another process. */
const CONCURRENCY = 4;

function collect(path) {
  if (statSync(path).isFile()) return path.endsWith('.test.ts') ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .sort()
    .flatMap((name) => collect(join(path, name)));
}

const url = (file) => JSON.stringify(pathToFileURL(resolve(file)).href);

function unitEntries(files, dir) {
  return Array.from({ length: UNIT_PROCESSES }, (_, group) => {
    const entry = join(dir, `unit-${group + 1}.test.mjs`);
    const imports = files.filter((_, i) => i % UNIT_PROCESSES === group).map((file) => `await import(${url(file)});`);
    writeFileSync(entry, `${imports.join('\n')}\n`);
    return entry;
  });
}

function groupEntry(group, files, dir) {
  const entry = join(dir, `${group.name}.test.mjs`);
  const imports = files.map((file) => `  await import(${url(file)});`);
  const options = group.concurrency ? `{ concurrency: ${group.concurrency} }, ` : '';
  // The imports run inside the suite's function, so the tests and hooks the files declare are the suite's.
  writeFileSync(entry, `import { describe } from 'node:test';\ndescribe(${JSON.stringify(`${group.name} tests`)}, ${options}async () => {\n${imports.join('\n')}\n});\n`);
  return entry;
}

const typecheck = process.argv[2] === '--typecheck';
const args = process.argv.slice(typecheck ? 3 : 2);
const unitOnly = args[0] === '--unit';
const files = (unitOnly ? UNIT : args.length ? args : ['test', 'packages']).flatMap(collect);
const scratch = mkdtempSync(join(tmpdir(), 'upflow-tests-'));
const placed = new Set(UNIT.flatMap(collect));
const units = files.filter((file) => placed.has(file));
// The groups first: the longest processes start at once.
const entries = [];
for (const group of GROUPS) {
  const members = new Set(group.paths.flatMap(collect).filter((file) => !placed.has(file)));
  const chosen = files.filter((file) => members.has(file));
  for (const file of members) placed.add(file);
  entries.push(...(chosen.length > 1 ? [groupEntry(group, chosen, scratch)] : chosen));
}
entries.push(...(units.length > 1 ? unitEntries(units, scratch) : units), ...files.filter((file) => !placed.has(file)));
function run(script, priority = 0) {
  return new Promise((done) => {
    const child = spawn(process.execPath, script, { stdio: 'inherit' });
    if (priority) setPriority(child.pid, priority);
    child.on('close', (code) => done(code ?? 1));
  });
}
// The type-checks keep a core busy for a quarter of a minute: beside the tests, which spend much
// of their time waiting on browsers and servers, and at a lower priority (the tests' timings are
// the ones that matter), they fill time a core would otherwise sit idle.
const codes = await Promise.all([
  run(['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${CONCURRENCY}`, ...entries]),
  typecheck ? run([fileURLToPath(new URL('typecheck.mjs', import.meta.url))], 10) : 0,
]);
rmSync(scratch, { recursive: true, force: true });
process.exit(codes.find((code) => code !== 0) ?? 0);
