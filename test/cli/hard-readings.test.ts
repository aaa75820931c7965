import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { changedBetween, heldCustomers, named } from '../support/upflow-state';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox({ profile: 'hard' });
});
after(async () => {
  await sandbox.stop();
});

test('the CLI against the hard reading: a second import of the same file writes nothing and duplicates nothing', { timeout: 120_000 }, async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'upflow-cli-')), 'customers.csv');
  writeFileSync(
    file,
    [
      'Customer name;Customer ID;Contact email;First name',
      'Boulangeries Martin;C-1001;claire.martin@boulangeries-martin.fr;Claire-Marie',
      'Sans Identifiant;;hello@sans-id.fr;Hélène',
      'Sans Identifiant;;autre@sans-id.fr;Omar',
    ].join('\n'),
  );
  const before = await heldCustomers(sandbox);
  const first = await runCli(['import', file, '--api', sandbox.api, '--json']);
  assert.equal(first.code, 0, first.err + first.out);
  const report = JSON.parse(first.out) as { summary: { created: number; updated: number; unchanged: number; failed: number } };
  assert.deepEqual([report.summary.created, report.summary.updated, report.summary.failed], [1, 1, 0], 'created and updated told apart although every write answered 200');

  const between = await heldCustomers(sandbox);
  const second = await runCli(['import', file, '--api', sandbox.api, '--json']);
  const again = JSON.parse(second.out) as { summary: { created: number; updated: number; unchanged: number } };
  assert.deepEqual([again.summary.created, again.summary.updated, again.summary.unchanged], [0, 0, 2]);
  assert.deepEqual(changedBetween(between, await heldCustomers(sandbox)), [], 'the second import changed nothing in Upflow');

  const after = await heldCustomers(sandbox);
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(
    named(after, 'Sans Identifiant')[0]!
      .contacts.map((c) => c.email)
      .sort(),
    ['autre@sans-id.fr', 'hello@sans-id.fr'],
  );
  const martin = named(after, 'Boulangeries Martin')[0]!;
  assert.deepEqual(
    martin.contacts.map((c) => c.email).sort(),
    named(before, 'Boulangeries Martin')[0]!
      .contacts.map((c) => c.email)
      .sort(),
    'no contact duplicated or dropped',
  );
  assert.equal(martin.contacts.find((c) => c.email === 'claire.martin@boulangeries-martin.fr')?.firstName, 'Claire-Marie');
});
