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

/**
 * Starting a process with tsx costs about a second, more than most unit test files take: the unit
 * tests run in one process per core, each importing its share of the files.
 */
function grouped(files, groups, dir) {
  return Array.from({ length: groups }, (_, group) => {
    const entry = join(dir, `unit-${group + 1}.test.mjs`);
    const imports = files.filter((_, i) => i % groups === group).map((file) => `await import(${JSON.stringify(pathToFileURL(resolve(file)).href)});`);
    writeFileSync(entry, `${imports.join('\n')}\n`);
    return entry;
  });
}

const args = process.argv.slice(2);
const unit = args[0] === '--unit';
const roots = unit ? UNIT : args;
let files = (roots.length ? roots : ['test', 'packages']).flatMap(collect);
const scratch = unit ? mkdtempSync(join(tmpdir(), 'upflow-unit-')) : null;
if (scratch) files = grouped(files, 2, scratch);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], { stdio: 'inherit' });
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
