// Runs every *.test.ts under test/ and packages/ with Node's built-in runner (Vitest 4 needs Node 22).
// Usage: node scripts/test.mjs [folder-or-file ...]
//        node scripts/test.mjs --unit    the fast loop (npm run test:unit), see UNIT
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

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
 * or more, more than most test files take: the files of a group share one process, each file in
 * a suite of its own (its hooks run around its own tests), one file after another unless the
 * group says how many of its tests run at once. A file in no group (the CLI's, which spend their
 * time in processes of their own) has a process to itself.
 */
const GROUPS = [
  // Chromium and a playground per test, mostly waiting on them: one Chromium for all (test/browser/session.ts).
  { name: 'browser', paths: ['test/browser'], concurrency: 3 },
  // The built add-on in the emulator against sandboxes in child processes.
  { name: 'import', paths: ['test/import'] },
  { name: 'add-on', paths: ['test/addon', 'test/node', 'test/fuzz/hostile-addon.test.ts', 'packages/apps-script-emulator/test/url-fetch.test.ts', 'packages/sync-http/test'] },
  { name: 'sandbox', paths: ['packages/upflow-sandbox/test'] },
];
/** The unit tests run in one process per core, each importing its share of the files. */
const UNIT_PROCESSES = 2;
/** Processes at once: most of a browser or import test's time is spent waiting on another process. */
const CONCURRENCY = 3;

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
  const suites = files.map((file) => `  describe(${JSON.stringify(file)}, async () => {\n    await import(${url(file)});\n  });`);
  const options = group.concurrency ? `{ concurrency: ${group.concurrency} }, ` : '';
  writeFileSync(entry, `import { describe } from 'node:test';\ndescribe(${JSON.stringify(`${group.name} tests`)}, ${options}async () => {\n${suites.join('\n')}\n});\n`);
  return entry;
}

const args = process.argv.slice(2);
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
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${CONCURRENCY}`, ...entries], { stdio: 'inherit' });
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
