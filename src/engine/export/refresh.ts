import { PULLED_FIELDS, PULLED_HEADER } from './customer-sheet';

/** A line of a pulled sheet is its customer's Upflow ID and its contact's (empty for a customer without contacts). */
export const lineKey = (line: readonly string[], at: { customer: number; contact: number }): string => `${line[at.customer] ?? ''}/${line[at.contact] ?? ''}`;

const PULLED_KEY_AT = { customer: PULLED_FIELDS.indexOf('upflowId'), contact: PULLED_FIELDS.indexOf('upflowContactId') };
export const pulledKey = (line: readonly string[]): string => lineKey(line, PULLED_KEY_AT);

/** One cell both sides changed since the pull: the user's value is kept. */
export interface Conflict {
  row: number;
  column: number;
  label: string;
  yours: string;
  upflow: string;
  pulled: string;
}

export interface RefreshPlan {
  /** Cells to overwrite with Upflow's current value: the user left them as pulled. */
  writes: Array<{ row: number; column: number; value: string }>;
  /** Lines of customers or contacts new in Upflow since the pull, in the pulled layout. */
  added: string[][];
  /** Sheet rows whose values Upflow changed since the pull. */
  changedInUpflow: number[];
  /** Sheet rows the user edited and has not sent (kept as they are). */
  editedHere: number[];
  conflicts: Conflict[];
  /** Sheet rows whose customer or contact Upflow no longer holds. */
  goneFromUpflow: number[];
  /** What the sheet should remember as pulled now, in the pulled layout. */
  snapshot: string[][];
}

/**
 * Brings Upflow's current values into a pulled sheet without losing the user's work. Each cell of
 * the pulled columns (found by their header, wherever the user moved them) is compared three ways:
 * as pulled (`snapshot`), as in the sheet, as Upflow holds it now (`fresh`). Upflow's change goes
 * in when the user left the cell as pulled; the user's edit stays when Upflow did not change it;
 * a cell both changed differently is a conflict, and keeps the user's value. Columns the pull
 * did not write are never touched. `sheet` holds the rows under the header, `firstRow` the sheet
 * row of the first.
 */
export function planRefresh(header: readonly string[], sheet: readonly string[][], firstRow: number, snapshot: readonly string[][], fresh: readonly string[][]): RefreshPlan {
  const columnOf = PULLED_HEADER.map((label) => header.indexOf(label));
  const at = { customer: columnOf[PULLED_KEY_AT.customer]!, contact: columnOf[PULLED_KEY_AT.contact]! };
  const pulledOf = new Map(snapshot.map((line) => [pulledKey(line), line]));
  const freshOf = new Map(fresh.map((line) => [pulledKey(line), line]));
  const plan: RefreshPlan = { writes: [], added: [], changedInUpflow: [], editedHere: [], conflicts: [], goneFromUpflow: [], snapshot: [] };
  const seen = new Set<string>();

  sheet.forEach((line, i) => {
    const row = firstRow + i;
    const key = lineKey(line, at);
    const pulled = pulledOf.get(key);
    const now = freshOf.get(key);
    if (at.customer < 0 || seen.has(key)) return;
    // A line the user added, or one whose IDs were cleared: theirs alone (and never added again).
    if (!pulled) {
      if (now) seen.add(key);
      return;
    }
    seen.add(key);
    if (!now) {
      plan.goneFromUpflow.push(row);
      return;
    }
    let upflowChanged = false;
    let edited = false;
    const remembered = [...now];
    PULLED_HEADER.forEach((label, f) => {
      const column = columnOf[f]!;
      if (column < 0) return;
      const mine = line[column] ?? '';
      const before = pulled[f] ?? '';
      const theirs = now[f] ?? '';
      const iEdited = mine !== before;
      const theyChanged = theirs !== before;
      edited ||= iEdited;
      upflowChanged ||= theyChanged;
      if (theyChanged && !iEdited) plan.writes.push({ row, column, value: theirs });
      else if (theyChanged && iEdited && mine !== theirs) plan.conflicts.push({ row, column, label, yours: mine, upflow: theirs, pulled: before });
    });
    if (upflowChanged) plan.changedInUpflow.push(row);
    if (edited) plan.editedHere.push(row);
    plan.snapshot.push(remembered);
  });

  for (const line of fresh) {
    const key = pulledKey(line);
    if (seen.has(key)) continue;
    // A line the user deleted stays deleted; only what is new in Upflow since the pull comes in.
    if (!pulledOf.has(key)) plan.added.push([...line]);
    plan.snapshot.push([...line]);
  }
  return plan;
}
