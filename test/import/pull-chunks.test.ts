import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from '../addon/harness';
import { grownSeed } from '../support/grown-organisation';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { heldCustomers } from '../support/upflow-state';
import type { PullView } from '../../src/shared/api';

/**
 * A pull longer than one execution, against the hard reading (pages of 100, contacts read
 * apart): it goes a slice per call, survives an execution killed in the middle, and can be cancelled.
 */
const CUSTOMERS = 250;
let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox({ profile: 'hard', seed: grownSeed(CUSTOMERS, 1) });
});
after(async () => {
  await sandbox?.stop();
});

function upflowIdsIn(addon: ReturnType<typeof loadAddon>, sheetName: string): string[] {
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  const [header, ...lines] = sheet.getDataRange().getValues();
  const at = header!.indexOf('Upflow ID');
  return lines.map((l) => String(l[at]));
}

test('an execution killed in the middle of a pull resumes: every customer once, each contact on its line', { timeout: 240_000 }, async () => {
  const held = await heldCustomers(sandbox);
  // Reading that took 250 requests of Upflow's 600 a minute (contacts apart): a new minute for the
  // pull, which takes most of one (the reset brings back the same organisation, ids included).
  await sandbox.admin('/reset', {});
  // Late answers: one page of 100 customers and their contacts takes over a second, so 1.5 s kills a slice half-way.
  await sandbox.admin('/faults', { slowMs: 40 });
  try {
    const addon = loadAddon();
    addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
    let pull = addon.value('pullCustomers', { onlyMine: false });
    const killed = addon.callWithin(1_500, 'continuePull', pull.id);
    assert.ok(!killed.ok && killed.error.code === 'TIME_LIMIT', JSON.stringify(killed));
    const midway = upflowIdsIn(addon, pull.sheetName).length;
    assert.ok(midway < CUSTOMERS, `the pull was really interrupted (${midway} lines)`);
    while (pull.state === 'running') pull = addon.value('continuePull', pull.id);
    assert.equal(pull.state, 'done');
    const ids = upflowIdsIn(addon, pull.sheetName);
    const lines = held.reduce((n, c) => n + Math.max(c.contacts.length, 1), 0);
    assert.equal(ids.length, lines, 'one line per contact, none twice');
    assert.deepEqual([...new Set(ids)].sort(), held.map((c) => c.id).sort(), 'every customer, once');
    assert.equal(pull.customers, held.length);
  } finally {
    await sandbox.admin('/faults', {});
  }
});

test('Cancel stops a pull: the lines read stay, no more are added, and Get starts a new pull', { timeout: 240_000 }, async () => {
  // A new minute of Upflow's rate limit, as above: the pull above used most of the last one, and
  // waiting it out would be a minute of backoff.
  await sandbox.admin('/reset', {});
  await sandbox.admin('/faults', { slowMs: 40 });
  try {
    const addon = loadAddon();
    addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
    const pull = addon.value('pullCustomers', { onlyMine: false });
    addon.callWithin(1_500, 'continuePull', pull.id);
    const cancelled: PullView = addon.value('cancelPull', pull.id);
    assert.equal(cancelled.state, 'cancelled');
    assert.match(cancelled.message, /Stopped: \d+ customers are in the sheet/);
    const kept = upflowIdsIn(addon, pull.sheetName).length;
    assert.equal(addon.value('continuePull', pull.id).state, 'cancelled', 'a late step of the sidebar reads nothing more');
    assert.equal(upflowIdsIn(addon, pull.sheetName).length, kept);
    const again = addon.value('pullCustomers', { onlyMine: false });
    assert.notEqual(again.id, pull.id);
    assert.notEqual(again.sheetName, pull.sheetName);
  } finally {
    await sandbox.admin('/faults', {});
  }
});
