import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli';
import { DEMO_KEY, startTestSandbox, type TestSandbox } from '../support/sandbox-process';

const fixture = fileURLToPath(new URL('../fixtures/clean-fr.csv', import.meta.url));

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

test('--dry-run reads Upflow and says what would be sent, without writing', async () => {
  await sandbox.admin('/reset', {});
  const before = await sandbox.admin<{ byStatus: Record<string, number> }>('/stats');
  const run = await runCli(['import', fixture, '--api', sandbox.api, '--dry-run', '--json']);
  assert.equal(run.code, 0, run.err);
  const report = JSON.parse(run.out) as { summary: { dryRun: boolean; toSend: number; created: number } };
  assert.equal(report.summary.dryRun, true);
  assert.ok(report.summary.toSend >= 1);
  assert.equal(report.summary.created, 0);
  const after = await sandbox.admin<{ byStatus: Record<string, number> }>('/stats');
  assert.equal(after.byStatus['201'] ?? 0, before.byStatus['201'] ?? 0);
});

test('import sends the file, and a second run finds everything unchanged', async () => {
  await sandbox.admin('/reset', {});
  const first = await runCli(['import', fixture, '--api', sandbox.api]);
  assert.equal(first.code, 0, first.err + first.out);
  assert.match(first.out, /0 failed/);
  const second = await runCli(['import', fixture, '--api', sandbox.api, '--json']);
  const report = JSON.parse(second.out) as { summary: { unchanged: number; toSend: number } };
  assert.equal(report.summary.toSend, 0);
  assert.equal(report.summary.unchanged, 2);
  const martin = await sandbox.get<{ contacts: Array<{ email: string }> }>('/customers/external:C-1001');
  assert.ok(martin.contacts.some((c) => c.email === 'paul.durand@boulangeries-martin.fr'));
});

test('missing credentials or a wrong secret end with exit 2 and a clear message, never the secret', async () => {
  const missing = await runCli(['import', fixture, '--api', sandbox.api], {});
  assert.equal(missing.code, 2);
  assert.match(missing.err, /Set UPFLOW_API_KEY and UPFLOW_API_SECRET/);
  const wrong = await runCli(['import', fixture, '--api', sandbox.api], { UPFLOW_API_KEY: DEMO_KEY, UPFLOW_API_SECRET: 'not-the-secret' });
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /Upflow: Invalid API credentials/);
  assert.ok(!wrong.err.includes('not-the-secret'));
});
