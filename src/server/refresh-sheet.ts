import { customerSheet, PULLED_FIELDS, PULLED_HEADER } from '../engine/export/customer-sheet';
import { pullOrganisation } from '../engine/export/pull';
import { planRefresh } from '../engine/export/refresh';
import type { RefreshView } from '../shared/api';
import { upflowClient } from './organisation';
import { managerOf, pulledValuesOf, readPulledValues, replacePulledValues } from './pulled-values';
import { columnLetter } from '../engine/a1';
import { userError } from './result';
import { findSheet } from './sheet-block';

const LISTED = 100;

/**
 * Refresh: Upflow's current values into a pulled sheet (src/engine/export/refresh.ts decides
 * cell by cell). Only the pulled columns are written, found by their header: the user's own
 * columns, and the cells they edited, stay as they are.
 */
export function refreshPulledSheet(sheetName: string): RefreshView {
  const sheet = findSheet(sheetName);
  const remembered = pulledValuesOf(sheet);
  if (!remembered)
    throw userError(
      'NOT_PULLED',
      `‘${sheetName}’ did not come from Get customers from Upflow, so there is nothing to refresh. Get customers from Upflow to start a sheet you can refresh.`,
    );
  const width = sheet.getLastColumn();
  const height = sheet.getLastRow();
  const grid = sheet
    .getRange(1, 1, Math.max(height, 1), Math.max(width, 1))
    .getValues()
    .map((r) => r.map(String));
  const [header = [], ...rows] = grid;
  if (header.indexOf(PULLED_HEADER[PULLED_FIELDS.indexOf('upflowId')]!) < 0) {
    throw userError('UPFLOW_ID_COLUMN_GONE', `‘${sheetName}’ no longer has its "Upflow ID" column, which tells which customer each line is. Get customers from Upflow again.`);
  }
  const manager = managerOf(remembered);
  const [, ...fresh] = customerSheet(pullOrganisation(upflowClient(), manager ? { manager } : {}));
  const plan = planRefresh(header, rows, 2, readPulledValues(remembered), fresh);

  // One write per column Upflow changed, of the values just read with Upflow's in place.
  const byColumn = new Map<number, Array<{ row: number; value: string }>>();
  for (const w of plan.writes) byColumn.set(w.column, [...(byColumn.get(w.column) ?? []), w]);
  for (const [column, writes] of byColumn) {
    const values = rows.map((r) => [r[column] ?? '']);
    for (const w of writes) values[w.row - 2] = [w.value];
    const range = sheet.getRange(2, column + 1, values.length, 1);
    range.setNumberFormat('@');
    range.setValues(values);
  }
  if (plan.added.length) {
    const at = Math.max(height, 1) + 1;
    const needed = at + plan.added.length - 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    const columnOf = PULLED_HEADER.map((label) => header.indexOf(label));
    const lines = plan.added.map((line) => {
      const out = Array<string>(header.length).fill('');
      columnOf.forEach((column, f) => {
        if (column >= 0) out[column] = line[f] ?? '';
      });
      return out;
    });
    const range = sheet.getRange(at, 1, lines.length, header.length);
    range.setNumberFormat('@');
    range.setValues(lines);
  }
  replacePulledValues(remembered, plan.snapshot);
  return {
    sheetName,
    changedInUpflow: plan.changedInUpflow.slice(0, LISTED),
    changedCount: plan.changedInUpflow.length,
    editedHere: plan.editedHere.slice(0, LISTED),
    editedCount: plan.editedHere.length,
    conflicts: plan.conflicts.slice(0, LISTED).map((c) => ({ ...c, cell: `${columnLetter(c.column)}${c.row}` })),
    conflictCount: plan.conflicts.length,
    goneFromUpflow: plan.goneFromUpflow.slice(0, LISTED),
    added: plan.added.length,
  };
}
