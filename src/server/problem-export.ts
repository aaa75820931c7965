import type { CopyView } from '../shared/api';
import { cellText } from '../engine/cell';
import { field } from '../engine/fields';
import { problemTitle } from '../engine/problem-titles';
import { userError } from './result';
import { writeTextSheet } from './text-sheet';
import { checkSheet } from './check-service';

const HEADERS = ['Cell', 'Line', 'Field', 'Severity', 'Kind', 'Problem', 'How to fix', 'Suggested value'];

/** Every problem of a sheet, not only the first ones the sidebar lists, in a sheet of its own. */
export function exportProblems(sheetName: string): CopyView {
  const { result } = checkSheet(sheetName);
  const problems = result.problems;
  if (!problems.length) throw userError('NO_PROBLEMS', `Sheet "${sheetName}" has no problem to export.`);
  const rows = problems.map((p) => [
    p.cell,
    String(p.row),
    p.field ? field(p.field).label : '',
    p.severity === 'error' ? 'Error' : 'Warning',
    problemTitle(p.code),
    p.message,
    p.fix,
    p.suggestion ?? '',
  ]);
  return { sheetName: writeTextSheet(`${sheetName} - problems`, [HEADERS, ...rows], sheetName).getName(), count: problems.length };
}

/**
 * The lines the check blocks (an error on them), with the headers, in a new sheet to fix apart,
 * before any import: each keeps its values as text and the first error found on it.
 */
export function copyBlockedRows(sheetName: string): CopyView {
  const { block, result } = checkSheet(sheetName);
  const firstError = new Map<number, string>();
  for (const p of result.problems) if (p.severity === 'error' && !firstError.has(p.row)) firstError.set(p.row, `${p.cell}: ${p.message}`);
  if (!firstError.size) throw userError('NO_BLOCKED_ROWS', `No line of "${sheetName}" is blocked by an error: nothing to copy.`);
  const { firstRow, rows } = block.input;
  const blocked = rows.flatMap((row, i) => {
    const why = firstError.get(firstRow + i);
    return why === undefined ? [] : [[...row.map((v) => cellText(v)), why]];
  });
  const headers = [...block.headers.map((h) => cellText(h)), 'Why it is blocked'];
  return { sheetName: writeTextSheet(`${sheetName} - blocked lines`, [headers, ...blocked], sheetName).getName(), count: blocked.length };
}
