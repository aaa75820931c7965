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

function collect(path) {
  if (statSync(path).isFile()) return path.endsWith('.test.ts') ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .sort()
    .flatMap((name) => collect(join(path, name)));
}

/** The browser tests: they start Chromium and a playground, and mostly wait on them. */
const BROWSER = 'test/browser';
/** How many browser tests run at once in their process: each waits on its page and its playground's thread most of the time. */
const BROWSER_CONCURRENCY = 3;

const importOf = (file) => `await import(${JSON.stringify(pathToFileURL(resolve(file)).href)});`;

/**
 * Starting a process with tsx costs about a second, more than most unit test files take: the unit
 * tests run in one process per core, each importing its share of the files.
 */
function grouped(files, groups, dir) {
  return Array.from({ length: groups }, (_, group) => {
    const entry = join(dir, `unit-${group + 1}.test.mjs`);
    const imports = files.filter((_, i) => i % groups === group).map(importOf);
    writeFileSync(entry, `${imports.join('\n')}\n`);
    return entry;
  });
}

/**
 * The browser tests in one process, a few at a time: they share one Chromium and load the
 * playground's and the sandbox's code once (test/browser/session.ts), which costs more than most
 * of them do.
 */
function browserGroup(files, dir) {
  const entry = join(dir, 'browser.test.mjs');
  const body = files.map((file) => `  ${importOf(file)}`).join('\n');
  writeFileSync(entry, `import { describe } from 'node:test';\ndescribe('browser tests', { concurrency: ${BROWSER_CONCURRENCY} }, async () => {\n${body}\n});\n`);
  return entry;
}

const args = process.argv.slice(2);
const unitOnly = args[0] === '--unit';
const files = (unitOnly ? UNIT : args.length ? args : ['test', 'packages']).flatMap(collect);
// The unit tests, whichever run they are part of, share two processes and the browser tests one;
// the others (servers, the built bundle) keep one process each, so one cannot disturb another.
const unitFiles = new Set(UNIT.flatMap(collect));
const browserFiles = new Set(collect(BROWSER));
const scratch = mkdtempSync(join(tmpdir(), 'upflow-unit-'));
const units = files.filter((file) => unitFiles.has(file));
const browser = files.filter((file) => browserFiles.has(file));
const entries = [
  ...(browser.length > 1 ? [browserGroup(browser, scratch)] : browser),
  ...(units.length > 1 ? grouped(units, 2, scratch) : units),
  ...files.filter((file) => !unitFiles.has(file) && !browserFiles.has(file)),
];
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...entries], { stdio: 'inherit' });
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
