import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAddon, paste } from '../addon/harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';

const MEMBERS = 5_000;
const WORKFLOWS = 200;

/** The demo organisation grown to 5,000 members and 200 workflows: its JSON is far over a cache value's 100 KB. */
function largeSeed(): string {
  const seed = JSON.parse(readFileSync(new URL('../../packages/upflow-sandbox/seed.json', import.meta.url), 'utf8')) as Record<string, unknown[]>;
  const members = [...(seed.members ?? [])];
  for (let i = members.length; i < MEMBERS; i++) {
    members.push({ id: randomUUID(), firstName: `Prénom ${i}`, lastName: `Nom ${i}`, email: `member.${i}@example.com`, position: 'ACCOUNT_MANAGER' });
  }
  const dunningPlans = [...(seed.dunningPlans ?? [])];
  for (let i = dunningPlans.length; i < WORKFLOWS; i++) dunningPlans.push({ id: randomUUID(), name: `Workflow ${i}`, mode: 'AUTOMATIC', entity: 'CUSTOMER' });
  const file = join(mkdtempSync(join(tmpdir(), 'upflow-large-org-')), 'seed.json');
  writeFileSync(file, JSON.stringify({ ...seed, members, dunningPlans }));
  return file;
}

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox({ seed: largeSeed() });
});
after(async () => {
  await sandbox.stop();
});

test('an organisation of 5,000 members and 200 workflows passes Test connection, Check, Preview and Import', () => {
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  assert.equal(addon.call('testConnection').ok, true);
  paste(addon, 'Assign', [
    ['Customer name', 'External ID', 'Account manager', 'Workflow'],
    ['Boulangeries Martin', 'C-1001', 'member.4999@example.com', 'Workflow 199'],
    ['Acme Ltd', 'C-2001', 'member.2500@example.com', 'Workflow 150'],
    ['Ghost Inc', 'C-3001', 'nobody@example.com', 'Workflow 200'],
  ]);
  const view = addon.value('checkSheet', 'Assign');
  const cells = view.problems.map((p) => `${p.cell}:${p.code}`).sort();
  assert.deepEqual(
    cells.filter((c) => /NOT_FOUND/.test(c)),
    ['C4:ACCOUNT_MANAGER_NOT_FOUND', 'D4:WORKFLOW_NOT_FOUND'],
  );
  assert.deepEqual(
    view.notices.filter((n) => /not checked against Upflow/.test(n)),
    [],
  );
  // The organisation is cached: the next check reads no member or workflow from Upflow.
  addon.app.calls.reset();
  addon.value('checkSheet', 'Assign');
  assert.equal(addon.app.calls.get('UrlFetchApp.fetchAll') ?? 0, 0);
  addon.value('previewImport', 'Assign');
  let job = addon.value('startImport', { sheetName: 'Assign', onlyFailed: false });
  while (job.state === 'running') job = addon.value('continueImport', job.id);
  assert.equal(job.state, 'done');
  assert.equal(job.failed, 0);
  assert.equal(job.created + job.updated + job.unchanged, 2, 'the line with unknown names is left out, the others go');
});
