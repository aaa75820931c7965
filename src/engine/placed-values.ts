import { upflowFields, type FieldId, type UpflowKey, type UpflowPlace } from './fields';

type On = UpflowPlace['on'];

/**
 * The line's values of the fields Upflow keeps as plain strings at one place, under Upflow's keys
 * (src/engine/fields.ts), in the sheet's order; an empty cell is left out, so it erases nothing.
 */
export function upflowValues<P extends On>(values: Partial<Record<FieldId, string>>, on: P): Partial<Record<UpflowKey<P>, string>> {
  const sent: Partial<Record<UpflowKey<P>, string>> = {};
  for (const { id, key } of upflowFields(on)) {
    const value = values[id];
    if (value !== undefined) sent[key] = value;
  }
  return sent;
}

/** What Upflow holds at one place, as the sheet's cells of those fields: an empty cell where it holds nothing. */
export function sheetValues<P extends On>(held: Partial<Record<UpflowKey<P>, string | null>> | null | undefined, on: P): Partial<Record<FieldId, string>> {
  const cells: Partial<Record<FieldId, string>> = {};
  for (const { id, key } of upflowFields(on)) cells[id] = held?.[key] ?? '';
  return cells;
}
