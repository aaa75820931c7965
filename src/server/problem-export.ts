import type { ProblemExportView } from '../shared/api';
import { field } from '../engine/fields';
import { problemTitle } from '../engine/problem-titles';
import { freeSheetName } from './internal-sheets';
import { userError } from './result';
import { checkSheet } from './validation-service';

const HEADERS = ['Cell', 'Line', 'Field', 'Severity', 'Kind', 'Problem', 'How to fix', 'Suggested value'];

/**
 * Every problem of a sheet, not only the first ones the sidebar lists, in a new sheet the user
 * can sort, filter and share. Written as plain text: nothing in it is read back as a number.
 */
export function exportProblems(sheetName: string): ProblemExportView {
  const { result } = checkSheet(sheetName);
  const problems = result.problems;
  if (!problems.length) throw userError('NO_PROBLEMS', `Sheet "${sheetName}" has no problem to export.`);
  const rows = problems.map((p) => [p.cell, String(p.row), p.field ? field(p.field).label : '', p.severity === 'error' ? 'Error' : 'Warning', problemTitle(p.code), p.message, p.fix, p.suggestion ?? '']);
  const target = SpreadsheetApp.getActiveSpreadsheet().insertSheet(freeSheetName(`${sheetName} - problems`));
  const all = [HEADERS, ...rows];
  if (target.getMaxRows() < all.length) target.insertRowsAfter(target.getMaxRows(), all.length - target.getMaxRows());
  if (target.getMaxColumns() < HEADERS.length) target.insertColumnsAfter(target.getMaxColumns(), HEADERS.length - target.getMaxColumns());
  const range = target.getRange(1, 1, all.length, HEADERS.length);
  range.setNumberFormat('@');
  range.setValues(all);
  target.getRange(1, 1, 1, HEADERS.length).setFontWeight('bold');
  target.setFrozenRows(1);
  // insertSheet put it on screen; the user goes on with the sheet they were checking.
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)?.activate();
  return { sheetName: target.getName(), problems: problems.length };
}
