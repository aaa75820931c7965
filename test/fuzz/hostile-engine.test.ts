import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnIndex } from '../../src/engine/a1';
import { isBlank } from '../../src/engine/cell';
import { checkGrid } from '../../src/engine/check';
import { distanceWork, resetDistanceWork } from '../../src/engine/similarity';
import { hostileCase, pastedValues } from './cases';
import { ORGANISATION } from './hostile-addon';
import { pastedText, pastedTextSheet, random } from './hostile-sheet';

/**
 * Distance-table cells a check may fill per filled cell of the sheet, whatever the cells'
 * lengths: a value is compared only with candidates of a plausible length (country names,
 * positions, field labels, members, workflows), each in a band. A distance over whole cells
 * fills about its length times each candidate's per cell: hundreds of thousands on these sheets.
 */
const CELLS_PER_FILLED_CELL = 5000;

test('hostile sheets: the engine answers, every problem is inside the data, the distance work is bounded by the sheet', () => {
  for (let seed = 1; seed <= 60; seed++) {
    const sheet = hostileCase(seed);
    const values = pastedValues(sheet);
    const filled = values.reduce((n, row) => n + row.filter((v) => !isBlank(v)).length, 0);
    resetDistanceWork();
    const check = checkGrid(values, { org: ORGANISATION });
    const where = `seed ${seed}`;
    for (const p of check.result.problems) {
      assert.ok(p.row > check.headerRow && p.row <= values.length, `${where}: ${p.cell} ${p.code} is outside the data`);
      assert.ok(columnIndex(p.column) < sheet.width, `${where}: ${p.cell} ${p.code} is right of the table`);
      assert.ok(p.message && p.fix, `${where}: ${p.code} says what is wrong and how to fix it`);
    }
    assert.ok(distanceWork.cells <= CELLS_PER_FILLED_CELL * Math.max(filled, 1), `${where}: ${distanceWork.cells} distance cells for ${filled} filled cells`);
  }
});

test('the distance work does not grow with the length of the pasted texts', () => {
  const work = (length: number): number => {
    resetDistanceWork();
    checkGrid(pastedTextSheet(50, length), { org: ORGANISATION });
    return distanceWork.cells;
  };
  assert.equal(work(50_000), work(500));
});

test('a 50,000-character postal code is one problem naming the cell to fix, found without reading the text', () => {
  const text = pastedText(random(3), 50_000);
  resetDistanceWork();
  const check = checkGrid([
    ['Customer name', 'Postal code', 'Country', 'Position', 'Contact email'],
    ['Acme', text, text, text, 'jane@acme.fr'],
  ]);
  const problems = check.result.problems;
  assert.deepEqual(
    problems.map((p) => `${p.cell} ${p.code}`),
    ['B2 TOO_LONG', 'C2 TOO_LONG', 'D2 TOO_LONG'],
  );
  const postal = problems[0]!;
  assert.equal(postal.severity, 'error');
  assert.match(postal.message, /Postal code holds 50000 characters, far more than the 20 Upflow accepts/);
  assert.match(postal.fix, /Keep only the Postal code in cell B2/);
  assert.equal(postal.suggestion, undefined, 'no suggestion to apply');
  assert.equal(distanceWork.cells, 0, 'no did-you-mean for a pasted text');
  assert.equal(check.result.stats.blockedRows, 1);
});

test('a value a little too long is one problem: its length', () => {
  const check = checkGrid([
    ['Customer name', 'Postal code', 'Contact email', 'Position'],
    ['Acme', '750080750080750080750080', 'jane@acme.fr', 'Responsable de la comptabilité fournisseurs'],
  ]);
  // Position has no limit of its own: a long one is read, and gets the better message.
  assert.deepEqual(
    check.result.problems.map((p) => `${p.cell} ${p.code}`),
    ['B2 TOO_LONG', 'D2 POSITION_UNKNOWN'],
  );
  assert.match(check.result.problems[0]!.message, /24 characters, Upflow accepts at most 20/);
});
