/**
 * The result column shows a light red for lines to fix and send again (issue 12), and loses it
 * when a later import writes another result; the user's own colours stay where we write nothing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon, paste } from './harness';
import { DEMO_KEY, DEMO_SECRET, startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { generateSheet } from '../../bench/generate';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox.stop();
});

const LIGHT_RED = '#f4cccc';

test("a not-imported line's result is light red until a later import sends it", () => {
  const addon = loadAddon();
  addon.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
  const { headers, rows } = generateSheet(6, { errorRate: 0, managers: ['camille.dubois@example.com'], workflows: ['Standard'] });
  const emailColumn = headers.indexOf('Contact email');
  assert.ok(emailColumn >= 0, `a Contact email column among ${headers.join(', ')}`);
  const good = rows[5]![emailColumn]!;
  rows[5]![emailColumn] = 'broken-email';
  paste(addon, 'Customers', [headers, ...rows]);
  const importAll = (onlyFailed: boolean) => {
    let job = addon.value('startImport', { sheetName: 'Customers', onlyFailed });
    while (job.state === 'running') job = addon.value('continueImport', job.id);
    return job;
  };
  assert.equal(importAll(false).skipped, 1);

  const sheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const column = header.indexOf('Upflow import result') + 1;
  const results = () =>
    sheet
      .getRange(2, column, rows.length, 1)
      .getValues()
      .map((r) => String(r[0]));
  const colours = () =>
    sheet
      .getRange(2, column, rows.length, 1)
      .getBackgrounds()
      .map((r) => r[0]);
  assert.match(results()[5]!, /^Not imported/);
  assert.equal(colours()[5], LIGHT_RED);
  assert.ok(
    colours()
      .slice(0, 5)
      .every((c) => c === '#ffffff'),
    `sent lines stay white: ${colours().join()}`,
  );

  // The user colours one result, fixes the line and sends the failed lines again.
  sheet.getRange(2, column).setBackground('#fff2cc');
  addon.app.paste('Customers', `${String.fromCharCode(65 + emailColumn)}7`, [[good]]);
  const again = importAll(true);
  assert.equal(again.skipped, 0);
  assert.doesNotMatch(results()[5]!, /^Not imported/);
  assert.equal(colours()[5], '#ffffff', 'the red goes with the result it marked');
  assert.equal(colours()[0], '#fff2cc', "the user's own colour stays");
});
