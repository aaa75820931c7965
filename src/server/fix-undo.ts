import * as z from '../engine/zod';
import { columnIndex } from '../engine/a1';
import { fixInputSchema, type FixBatchView, type UndoFixesView } from '../shared/api';
import { applyFixes } from './fixes';
import { userError } from './result';
import { findSheet } from './sheet-block';
import { checkSheet, validateAndMark } from './validation-service';

/**
 * The last batch of one-click fixes, kept so the user can take it back: what each fixed cell
 * held before, and its number format (a fix may set it to plain text). Kept in the user's cache,
 * per sheet, for the longest time Apps Script allows.
 */
const KEEP_SECONDS = 6 * 60 * 60;
/** The sidebar applies the safe fixes kind by kind: one batch id makes them one undo. */
const batchInputSchema = z.object({ fix: fixInputSchema, batch: z.string().check(z.minLength(1), z.maxLength(64)) });

const previousSchema = z.object({
  batch: z.string(),
  cells: z.array(z.object({ row: z.number(), column: z.number(), value: z.union([z.string(), z.number(), z.boolean()]), format: z.string() })),
});
type Previous = z.infer<typeof previousSchema>;

const cache = () => CacheService.getUserCache();
const keyOf = (sheetName: string) => `upflow.fixUndo.${findSheet(sheetName).getSheetId()}`;

function load(key: string): Previous | null {
  const raw = cache().get(key);
  if (!raw) return null;
  try {
    const parsed = previousSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The cells applyFixes is about to change, with what they hold now (1-based rows and columns). */
function cellsToChange(input: z.infer<typeof fixInputSchema>): Previous['cells'] {
  const { block, result } = checkSheet(input.sheetName);
  const { firstRow } = block.input;
  const seen = new Set<string>();
  const targets = result.problems.filter((p) => {
    if (p.suggestion === undefined || seen.has(p.cell)) return false;
    if ((input.cell !== null && p.cell !== input.cell) || (input.code !== null && p.code !== input.code)) return false;
    if (block.input.formulas[p.row - firstRow]?.[columnIndex(p.column)]) return false;
    seen.add(p.cell);
    return true;
  });
  return targets.map((p) => {
    const column = columnIndex(p.column);
    const value = block.input.rows[p.row - firstRow]?.[column] ?? '';
    const range = block.sheet.getRange(p.row, column + 1);
    return { row: p.row, column: column + 1, value: value instanceof Date ? range.getDisplayValue() : value, format: range.getNumberFormat() };
  });
}

/** applyFixes, remembering what it replaces; a batch already kept grows when the id is the same. */
export function applyFixesUndoable(raw: unknown): FixBatchView {
  const parsed = batchInputSchema.safeParse(raw);
  if (!parsed.success) throw userError('FIX_INVALID', 'This fix could not be applied. Check the sheet again and retry.');
  const { fix, batch } = parsed.data;
  const key = keyOf(fix.sheetName);
  const before = cellsToChange(fix);
  const kept = load(key);
  const cells = kept?.batch === batch ? [...kept.cells] : [];
  const known = new Set(cells.map((c) => `${c.row}:${c.column}`));
  for (const c of before) if (!known.has(`${c.row}:${c.column}`)) cells.push(c);
  let undoable = 0;
  try {
    cache().put(key, JSON.stringify({ batch, cells } satisfies Previous), KEEP_SECONDS);
    undoable = cells.length;
  } catch {
    // Too many cells for the cache: the fixes are applied all the same, without an undo.
    cache().remove(key);
  }
  return { validation: applyFixes(fix), undoable };
}

/** Puts back what the last batch of fixes replaced, then checks the sheet again. */
export function undoFixes(sheetName: string): UndoFixesView {
  const key = keyOf(sheetName);
  const kept = load(key);
  if (!kept || kept.cells.length === 0) throw userError('NO_UNDO', 'There is no fix to undo on this sheet: fixes can be undone for 6 hours after they are applied.');
  const sheet = findSheet(sheetName);
  for (const c of kept.cells) sheet.getRange(c.row, c.column).setNumberFormat(c.format).setValue(c.value);
  cache().remove(key);
  return { validation: validateAndMark(sheetName), restored: kept.cells.length };
}
