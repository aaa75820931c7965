import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../support/cli';
import { startTestSandbox, type TestSandbox } from '../support/sandbox-process';
import { changedBetween, heldCustomers } from '../support/upflow-state';

/** Export, import untouched, edit three cells, import again: against both readings of Upflow. */
for (const profile of ['documented', 'hard'] as const) {
  describe(`round trip through the CLI, ${profile} reading`, () => {
    let sandbox: TestSandbox;
    before(async () => {
      sandbox = await startTestSandbox({ profile });
    });
    after(async () => {
      await sandbox.stop();
    });

    test('an exported organisation imports back with no write; three edited cells write three customers', { timeout: 120_000 }, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'upflow-export-')), 'customers.csv');
      const exported = await runCli(['export', file, '--api', sandbox.api, '--json']);
      assert.equal(exported.code, 0, exported.err);
      const { summary } = JSON.parse(exported.out) as { summary: { customers: number; lines: number } };
      assert.ok(summary.customers >= 3 && summary.lines >= summary.customers);

      const before = await heldCustomers(sandbox);
      const untouched = await runCli(['import', file, '--api', sandbox.api, '--json']);
      assert.equal(untouched.code, 0, untouched.err + untouched.out.slice(0, 2000));
      const report = JSON.parse(untouched.out) as { summary: { created: number; updated: number; unchanged: number; failed: number; skippedRows: number } };
      assert.deepEqual([report.summary.created, report.summary.updated, report.summary.failed, report.summary.skippedRows], [0, 0, 0, 0]);
      assert.equal(report.summary.unchanged, summary.customers);
      const afterUntouched = await heldCustomers(sandbox);
      assert.deepEqual(changedBetween(before, afterUntouched), [], 'nothing changed in Upflow');

      const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
      const [header, ...lines] = rows;
      const col = (label: string) => header!.indexOf(label);
      const firstLineOf = (name: string) => lines.findIndex((l) => l[col('Customer name')] === name);
      const names = [...new Set(lines.map((l) => l[col('Customer name')]!))].slice(0, 3);
      // Edit one cell of three customers: a city, a first name and an accounting code.
      lines[firstLineOf(names[0]!)]![col('City')] = 'Nouvelle Ville';
      const second = lines.findIndex((l) => l[col('Customer name')] === names[1] && l[col('Contact email')] !== '');
      lines[second]![col('First name')] = 'Renamed';
      for (const line of lines) if (line[col('Customer name')] === names[2]) line[col('Accounting code')] = '411EDITED';
      writeFileSync(file, Papa.unparse([header!, ...lines]));
      const edited = await runCli(['import', file, '--api', sandbox.api, '--json']);
      const after = JSON.parse(edited.out) as { summary: { updated: number; created: number; unchanged: number } };
      assert.deepEqual([after.summary.updated, after.summary.created, after.summary.unchanged], [3, 0, summary.customers - 3]);
      assert.deepEqual(changedBetween(afterUntouched, await heldCustomers(sandbox)).sort(), [...names].sort(), 'exactly the three edited customers changed');
    });
  });
}
