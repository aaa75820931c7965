import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnIndex } from '../../src/engine/a1';
import type { Result, CheckView } from '../../src/shared/api';
import { hostileCase } from './cases';
import { hostileAddon } from './hostile-addon';

/**
 * Service calls a Check may make, whatever the sheet's size: the sheet is read in a few calls
 * and marked in a few more. Counted by the emulator, so the budget holds on a slow machine.
 */
const CHECK_CALLS = 40;
/** A fix adds, per run of fixed cells of a column, its values and maybe a number format, then reads the sheet back. */
const FIX_CALLS_PER_FIX = 2;
const READ_BACK_CALLS = 5;

/** Every answer of the server is a value or an error a user can read: never an exception, never "something went wrong". */
function answered<T>(result: Result<T>, what: string): T {
  assert.equal(typeof result.ok, 'boolean', `${what} answered ${JSON.stringify(result)}`);
  if (!result.ok) assert.fail(`${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function assertInside(view: CheckView, headerRow: number, lastRow: number, width: number, what: string): void {
  for (const p of view.problems) {
    assert.ok(p.row > headerRow && p.row <= lastRow, `${what}: ${p.cell} ${p.code} is outside the data (rows ${headerRow + 1} to ${lastRow})`);
    assert.ok(columnIndex(p.column) < width, `${what}: ${p.cell} ${p.code} is right of the table`);
  }
}

const withoutTime = (view: CheckView): Omit<CheckView, 'checkedAt'> => {
  const { checkedAt: _time, ...rest } = view;
  return rest;
};

test('hostile sheets in the built add-on: Check and Apply all safe fixes answer, mark only the data, within a budget of service calls', () => {
  for (let seed = 1; seed <= 24; seed++) {
    const sheet = hostileCase(seed);
    const addon = hostileAddon(sheet.rows);
    const what = `seed ${seed}`;
    const mapping = answered(addon.call('getMapping', 'Customers', null), `${what} getMapping`);
    const lastRow = sheet.rows.length;

    addon.app.calls.reset();
    const checked = answered(addon.call('checkSheet', 'Customers'), `${what} Check`);
    const checkCalls = addon.app.calls.total();
    assert.ok(checkCalls <= CHECK_CALLS, `${what}: Check made ${checkCalls} service calls ${JSON.stringify(addon.app.calls.snapshot())}`);
    assertInside(checked, mapping.headerRow, lastRow, sheet.width, `${what} Check`);

    addon.app.calls.reset();
    const fixed = answered(addon.call('applyFixes', { sheetName: 'Customers', cell: null, code: null }), `${what} Apply all safe fixes`);
    const fixCalls = addon.app.calls.total();
    assert.ok(
      fixCalls <= CHECK_CALLS + READ_BACK_CALLS + FIX_CALLS_PER_FIX * checked.fixable,
      `${what}: Apply all safe fixes made ${fixCalls} service calls for ${checked.fixable} fixes ${JSON.stringify(addon.app.calls.snapshot())}`,
    );
    const counted = addon.app.calls;
    assert.equal(counted.get('Cache.get'), 1, `${what}: the organisation is read once per Apply all safe fixes`);
    assert.equal(counted.get('PropertiesService.getUserProperties'), 1, `${what}: the settings are read once`);
    assert.ok(counted.get('Range.setNotes') <= 1 && counted.get('Range.setBackgrounds') <= 1, `${what}: the sheet is marked once`);
    assertInside(fixed, mapping.headerRow, lastRow, sheet.width, `${what} Apply all safe fixes`);
    assert.deepEqual(
      withoutTime(answered(addon.call('checkSheet', 'Customers'), `${what} Check after the fixes`)),
      withoutTime(fixed),
      `${what}: what Apply all safe fixes reports is what a new Check finds`,
    );
  }
});
