import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/upflow-sheets.mjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: '/' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

test('a clean French export with a BOM, semicolons and CRLF validates with exit 0', () => {
  const run = cli('validate', fixture('clean-fr.csv'), '--json');
  assert.equal(run.code, 0, run.err + run.out);
  const report = JSON.parse(run.out) as { mapping: Array<{ column: string; header: string; field: string | null }>; issues: Array<{ severity: string }> };
  assert.deepEqual(report.mapping.map((m) => m.field), ['customerName', 'customerId', 'postalCode', 'country', 'contactEmail', 'firstName', 'phoneNumber', 'position', 'mainContact']);
  assert.equal(report.mapping[0]!.header, 'Nom du client');
  assert.equal(report.issues.filter((i) => i.severity === 'error').length, 0);
});

test('errors are listed by cell with the seed message, and the exit code is 1', () => {
  const run = cli('validate', fixture('broken.csv'), '--members', fixture('users.json'), '--workflows', fixture('dunning_plans.json'), '--json');
  assert.equal(run.code, 1);
  const { issues } = JSON.parse(run.out) as { issues: Array<{ cell: string; row: number; code: string; message: string; severity: string; suggestion?: string }> };
  const at = (cell: string) => issues.filter((i) => i.cell === cell);
  assert.ok(at('E2').some((i) => i.severity === 'error'), 'bad email in E2');
  assert.ok(at('F2').some((i) => i.severity === 'error'), 'unknown position in F2');
  assert.ok(at('C2').some((i) => i.suggestion === '01234'), 'lost leading zero in C2');
  assert.ok(at('G3').some((i) => i.severity === 'error'), 'second main contact of Acme in G3');
  assert.ok(at('I4').some((i) => i.message.startsWith('Account manager not found; check the email')));
  assert.ok(at('H4').some((i) => i.suggestion === 'Standard'), 'did-you-mean workflow in H4');
  assert.ok(issues.every((i) => i.row >= 2 && i.row <= 4));
});

test('the human report names the cells and says what to do', () => {
  const run = cli('validate', fixture('broken.csv'));
  assert.equal(run.code, 1);
  assert.match(run.out, /^E2\s+error/m);
  assert.match(run.out, /Fix: /);
  assert.match(run.out, /3 lines checked/);
});

test('bad usage and unreadable files exit 2 with a clear message', () => {
  const missing = cli('validate', '/nonexistent/customers.csv');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /Cannot read the file "\/nonexistent\/customers.csv": no such file/);
  const badTemplate = cli('validate', fixture('broken.csv'), '--template', 'everything');
  assert.equal(badTemplate.code, 2);
  assert.match(badTemplate.err, /template/);
  assert.equal(cli('frobnicate', 'x.csv').code, 2);
  assert.equal(cli('validate').code, 2);
  const badMembers = cli('validate', fixture('broken.csv'), '--members', fixture('broken.csv'));
  assert.equal(badMembers.code, 2);
  assert.match(badMembers.err, /members file .* is not JSON/);
});
