import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MARK_COLORS } from '../../src/engine/marks';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { loadAddon, paste } from './harness';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

const HEADER = ['Customer name', 'External ID', 'Account manager', 'Workflow', 'Postal code', 'Country'];

function checkedSheet(now: () => number) {
  const addon = loadAddon({ user: { email: 'owner@example.com' }, now });
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  paste(addon, 'Assign', [
    HEADER,
    ['Boulangeries Martin', 'C-1001', 'nobody@example.com', 'Relance douce', '75002', 'France'],
    ['Acme Ltd', 'C-2001', 'camille.dubois@example.com', 'No such workflow', '1234', 'France'],
    ['Ghost Inc', 'C-3001', 'camille.dubois@example.com', 'Standard', '75002', 'France'],
  ]);
  const view = addon.value('checkSheet', 'Assign');
  const cells = view.problems.map((p) => `${p.cell}:${p.code}`);
  assert.ok(cells.includes('C2:ACCOUNT_MANAGER_NOT_FOUND'), cells.join(' '));
  assert.ok(cells.includes('D3:WORKFLOW_NOT_FOUND'), cells.join(' '));
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Assign')!;
  return { addon, sheet };
}

test("a collaborator's edit (no cached organisation) keeps the account manager and workflow marks, and still re-checks the rest", () => {
  const { addon, sheet } = checkedSheet(Date.now);
  addon.app.asUser('colleague@example.com', () => {
    addon.app.edit('Assign', 'E3', '75001');
    addon.app.edit('Assign', 'A2', 'Boulangeries Martin & Fils');
  });
  assert.equal(sheet.getRange('E3').getBackground(), '#ffffff', 'the fixed postal code lost its mark');
  assert.equal(sheet.getRange('C2').getBackground(), MARK_COLORS.error);
  assert.match(sheet.getRange('C2').getNote(), /nobody@example\.com/);
  assert.equal(sheet.getRange('D3').getBackground(), MARK_COLORS.error);
  assert.match(sheet.getRange('D3').getNote(), /No such workflow/);
});

test('once the cached organisation has expired, an edit still keeps those marks; the next Check decides', () => {
  let now = Date.now();
  const { addon, sheet } = checkedSheet(() => now);
  now += 11 * 60 * 1000;
  addon.app.edit('Assign', 'C2', 'still.nobody@example.com');
  assert.equal(sheet.getRange('C2').getBackground(), MARK_COLORS.error, 'not judged without the organisation');
  addon.app.edit('Assign', 'D3', 'Standard');
  assert.equal(sheet.getRange('D3').getBackground(), MARK_COLORS.error);
  addon.value('checkSheet', 'Assign');
  assert.equal(sheet.getRange('D3').getBackground(), '#ffffff', 'the Check with the organisation clears the fixed workflow');
  assert.match(sheet.getRange('C2').getNote(), /still\.nobody@example\.com/);
});

test('an edit re-checks the edited line and the lines of the same customer, not unrelated lines', () => {
  const { addon, sheet } = checkedSheet(Date.now);
  // A problem typed while the add-on was not looking: only a Check, or an edit on its line, marks it.
  sheet.getRange('E4').setValue('1');
  addon.app.edit('Assign', 'B3', 'C-1001');
  assert.match(sheet.getRange('B3').getNote(), /already names the customer "Boulangeries Martin"/);
  // Line 3 is tied to line 2 by its External ID: renaming line 2's customer clears line 3's mark.
  addon.app.edit('Assign', 'A2', 'Acme Ltd');
  assert.doesNotMatch(sheet.getRange('B3').getNote(), /already names/);
  assert.equal(sheet.getRange('E4').getBackground(), '#ffffff', 'the unrelated line was not re-checked');
  assert.equal(sheet.getRange('E4').getNote(), '');
});

test('onEdit called from the sidebar answers an error value instead of failing', () => {
  const addon = loadAddon();
  const answer = addon.app.scriptRun('onEdit', []) as { ok: boolean; error?: { code: string } };
  assert.equal(answer.ok, false);
  assert.equal(answer.error?.code, 'NOT_AN_EDIT');
});

test('the first phone number of an execution is checked in the edit trigger, which reads the phone data from its project file', () => {
  const addon = loadAddon({ user: { email: 'owner@example.com' } });
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  paste(addon, 'Customers', [
    ['Customer name', 'External ID', 'Country', 'Contact email', 'Phone number'],
    ['Fromagerie Dupont', 'C-1001', 'France', 'anne@dupont.fr', ''],
  ]);
  addon.value('checkSheet', 'Customers');
  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  addon.app.edit('Customers', 'E2', '06 12 34');
  assert.equal(sheet.getRange('E2').getBackground(), MARK_COLORS.error);
  assert.match(sheet.getRange('E2').getNote(), /"06 12 34" isn't a valid phone number for France/);
  addon.app.edit('Customers', 'E2', '06 12 34 56 78');
  assert.equal(sheet.getRange('E2').getBackground(), '#ffffff');
});
