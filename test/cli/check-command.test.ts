import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support/cli';

const bin = fileURLToPath(new URL('../../bin/upflow-sheets.mjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function cli(...args: string[]) {
  return runFile(CLI, args);
}

function runFile(file: string, args: string[]) {
  const run = spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', cwd: '/' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

test('the package command (the TypeScript through tsx) answers as the bundle the tests run', () => {
  for (const args of [['check', fixture('broken.csv'), '--json'], ['check'], ['--help']]) {
    assert.deepEqual(runFile(bin, args), runFile(CLI, args), args.join(' '));
  }
});

test('a clean French export with a BOM, semicolons and CRLF validates with exit 0', () => {
  const run = cli('check', fixture('clean-fr.csv'), '--json');
  assert.equal(run.code, 0, run.err + run.out);
  const report = JSON.parse(run.out) as { mapping: Array<{ column: string; header: string; field: string | null }>; issues: Array<{ severity: string }> };
  assert.deepEqual(
    report.mapping.map((m) => m.field),
    ['customerName', 'customerId', 'postalCode', 'country', 'contactEmail', 'firstName', 'phoneNumber', 'position', 'mainContact'],
  );
  assert.equal(report.mapping[0]!.header, 'Nom du client');
  assert.equal(report.issues.filter((i) => i.severity === 'error').length, 0);
});

test('errors are listed by cell with the seed message, and the exit code is 1', () => {
  const run = cli('check', fixture('broken.csv'), '--members', fixture('users.json'), '--workflows', fixture('dunning_plans.json'), '--json');
  assert.equal(run.code, 1);
  const { issues } = JSON.parse(run.out) as { issues: Array<{ cell: string; row: number; code: string; message: string; severity: string; suggestion?: string }> };
  const at = (cell: string) => issues.filter((i) => i.cell === cell);
  assert.ok(
    at('E2').some((i) => i.severity === 'error'),
    'bad email in E2',
  );
  assert.ok(
    at('F2').some((i) => i.severity === 'error'),
    'unknown position in F2',
  );
  assert.ok(
    at('C2').some((i) => i.suggestion === '01234'),
    'lost leading zero in C2',
  );
  assert.ok(
    at('G3').some((i) => i.severity === 'error'),
    'second main contact of Acme in G3',
  );
  assert.ok(at('I4').some((i) => i.message.startsWith('Account manager not found; check the email')));
  assert.ok(
    at('H4').some((i) => i.suggestion === 'Standard'),
    'did-you-mean workflow in H4',
  );
  assert.ok(issues.every((i) => i.row >= 2 && i.row <= 4));
});

test('the human report names the cells and says what to do', () => {
  const run = cli('check', fixture('broken.csv'));
  assert.equal(run.code, 1);
  assert.match(run.out, /^E2\s+error/m);
  assert.match(run.out, /Fix: /);
  assert.match(run.out, /3 lines checked/);
  const older = cli('validate', fixture('broken.csv'));
  assert.equal(older.code, 1, 'the first name of the command still works');
  assert.equal(older.out, run.out);
});

test('bad usage and unreadable files exit 2 with a clear message', () => {
  const missing = cli('check', '/nonexistent/customers.csv');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /Cannot read the file "\/nonexistent\/customers.csv": no such file/);
  const badTemplate = cli('check', fixture('broken.csv'), '--template', 'everything');
  assert.equal(badTemplate.code, 2);
  assert.match(badTemplate.err, /template/);
  assert.equal(cli('frobnicate', 'x.csv').code, 2);
  assert.equal(cli('check').code, 2);
  const badMembers = cli('check', fixture('broken.csv'), '--members', fixture('broken.csv'));
  assert.equal(badMembers.code, 2);
  assert.match(badMembers.err, /members file .* is not JSON/);
});

test('a Windows-1252 file reads like its UTF-8 twin: accents kept, French headers mapped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-encoding-'));
  const csv = 'Nom du client;Numéro de TVA;Téléphone;Pays;Prénom;E-mail\r\nCrème Brûlée SARL;FR40303265045;01 42 68 53 00;France;Zoë;zoe@creme.fr\r\n';
  const latin = Uint8Array.from([...csv].map((c) => c.charCodeAt(0)));
  writeFileSync(join(dir, 'utf8.csv'), csv);
  writeFileSync(join(dir, 'ansi.csv'), latin);
  const utf8 = cli('check', join(dir, 'utf8.csv'), '--json');
  const ansi = cli('check', join(dir, 'ansi.csv'), '--json');
  assert.equal(ansi.code, 0, ansi.err + ansi.out);
  assert.equal(ansi.out, utf8.out);
  const report = JSON.parse(ansi.out) as { mapping: Array<{ header: string; field: string | null }> };
  assert.deepEqual(report.mapping.map((m) => [m.header, m.field]).slice(0, 3), [
    ['Nom du client', 'customerName'],
    ['Numéro de TVA', 'vatNumber'],
    ['Téléphone', 'phoneNumber'],
  ]);
});

test('a broken quote is reported on stderr with its line, and the exit code says the data may be wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-quote-'));
  writeFileSync(join(dir, 'broken.csv'), 'Customer name\tCity\nAcme\tParis\n"Beta\tLyon\nGamma\tNice\n');
  const run = cli('check', join(dir, 'broken.csv'), '--json');
  assert.equal(run.code, 1);
  assert.match(run.err, /Line 3 of the file: a quoted value is never closed/);
  JSON.parse(run.out);
});

test('cell references follow the file when it has blank lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-blank-'));
  writeFileSync(join(dir, 'blank.csv'), 'Customer name;Contact email\n\nAcme;not-an-email\n');
  const run = cli('check', join(dir, 'blank.csv'), '--json');
  const { issues } = JSON.parse(run.out) as { issues: Array<{ cell: string; code: string }> };
  assert.deepEqual(
    issues.map((i) => i.cell),
    ['B3'],
  );
});
