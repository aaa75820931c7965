import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { columnIndex } from '../../src/engine/a1';
import { checkGrid } from '../../src/engine/check';
import { parseCsv } from '../../src/engine/csv';
import { distanceWork, resetDistanceWork } from '../../src/engine/similarity';
import { hostileCase } from './cases';
import { ORGANISATION } from './hostile-addon';
import { CLI } from '../support/cli';

/** As in the engine's fuzz test: distance-table cells per filled cell, whatever the cells' lengths. */
const CELLS_PER_FILLED_CELL = 5000;

interface Issue {
  row: number;
  column: string;
  cell: string;
  code: string;
  message: string;
  fix: string;
}

test('hostile CSV files: the CLI answers with a report or an exit code, never a crash, and points only inside the data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-cli-'));
  try {
    const members = join(dir, 'users.json');
    const workflows = join(dir, 'dunning_plans.json');
    writeFileSync(members, JSON.stringify({ users: ORGANISATION.members }));
    writeFileSync(workflows, JSON.stringify({ items: ORGANISATION.workflows }));
    // Each run starts a process (seconds on a busy machine): three sheets, with 50,000-character
    // texts in 50 columns (17), under a title line (20), and a header on row 4 (26).
    for (const seed of [17, 20, 26]) {
      const sheet = hostileCase(seed);
      const file = join(dir, `hostile-${seed}.csv`);
      const text = Papa.unparse(sheet.rows);
      writeFileSync(file, text);
      const run = spawnSync(process.execPath, [CLI, 'check', file, '--json', '--members', members, '--workflows', workflows], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const what = `seed ${seed}`;
      assert.ok(run.status === 0 || run.status === 1, `${what}: exit ${run.status}: ${run.stderr}`);
      // stderr carries only what reading the file found (a broken quote, a ragged line), once each.
      const reports = run.stderr.split('\n').filter(Boolean);
      for (const report of reports) assert.match(report, /^(Error|Warning): Line \d+ of the file: /, `${what}: stderr`);
      assert.equal(new Set(reports).size, reports.length, `${what}: each file problem said once`);
      const { issues } = JSON.parse(run.stdout) as { issues: Issue[] };

      // What the command runs, in this process, where the distance work can be counted.
      resetDistanceWork();
      // Blank lines kept, as the CLI reads them, so row numbers are the file's lines.
      const rows = parseCsv(text, { keepBlankLines: true }).rows;
      const check = checkGrid(rows, { org: ORGANISATION });
      const filled = rows.reduce((n, row) => n + row.filter((v) => v.trim() !== '').length, 0);
      assert.ok(distanceWork.cells <= CELLS_PER_FILLED_CELL * Math.max(filled, 1), `${what}: ${distanceWork.cells} distance cells for ${filled} filled cells`);
      assert.equal(issues.length, check.result.problems.length, `${what}: the command reports what the engine finds`);
      for (const p of issues) {
        assert.ok(p.row > check.headerRow && p.row <= rows.length, `${what}: ${p.cell} ${p.code} is outside the data`);
        assert.ok(columnIndex(p.column) < sheet.width, `${what}: ${p.cell} ${p.code} is right of the table`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
