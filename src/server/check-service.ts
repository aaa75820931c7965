import type { MappingResult } from '../engine/mapping';
import { problemTitle } from '../engine/problem-titles';
import type { OrgData, CheckResult } from '../engine/rules';
import { checkRows, type CheckOptions } from '../engine/check';
import { field } from '../engine/fields';
import type { CheckView } from '../shared/api';
import { mappingOptions } from './mapping-store';
import { markArea, problemsByCell } from './marks';
import { rememberChecked } from './checked-sheets';
import { loadOrganisation } from './organisation';
import { readSettings } from './settings';
import { findSheet, readBlock, type SheetBlock } from './sheet-block';

/** The sidebar lists this many problems; every one is marked on the sheet anyway. */
const LIST_LIMIT = 500;

export interface SheetCheck {
  block: SheetBlock;
  mapping: MappingResult;
  result: CheckResult;
  org: OrgData | null;
  notices: string[];
  /** The mapping, settings and organisation the check used, for checking the sheet again after a change. */
  options: CheckOptions;
}

/** Reads the sheet once and checks it; nothing is written. */
export function checkSheet(sheetName: string, options: { offline?: boolean } = {}): SheetCheck {
  const block = readBlock(findSheet(sheetName));
  const notices: string[] = [];
  const settings = readSettings();
  const org = loadOrganisation(notices, options.offline ?? false, settings);
  const check = checkBlock(block, { ...mappingOptions(block.sheet, null), defaultCountry: settings.defaultCountry, sourceSystem: settings.sourceSystem, org }, notices);
  if (check.mapping.missingRequired.length) {
    notices.unshift(`Map a column to ${check.mapping.missingRequired.map((f) => field(f).label).join(', ')} before importing: it is required.`);
  }
  return check;
}

function checkBlock(block: SheetBlock, options: CheckOptions, notices: string[]): SheetCheck {
  const { mapping, result } = checkRows(block.headers, block.input, options);
  return { block, mapping, result, org: options.org ?? null, notices, options };
}

/** The sheet read and checked again after the add-on wrote to it, with the same settings and organisation. */
export function checkAgain(check: SheetCheck): SheetCheck {
  return checkBlock(readBlock(check.block.sheet), check.options, check.notices);
}

/** Marks every problem of a check in place. */
export function markChecked(sheetName: string, check: SheetCheck): CheckView {
  const { block, result } = check;
  rememberChecked(block.sheet);
  markArea(block.sheet, block.input.firstRow, 1, block.input.rows.length, block.width, problemsByCell(result.problems));
  return toView(sheetName, check);
}

/** What the sidebar's Check button runs: every problem of the sheet, marked in place. */
export function checkAndMark(sheetName: string): CheckView {
  return markChecked(sheetName, checkSheet(sheetName));
}

/**
 * Longest suggestion sent to the sidebar: a cell holds up to 50,000 characters, and 500 of those in
 * one answer would swamp the sidebar. The fix itself is recomputed on the server, whole.
 */
const SHOWN_SUGGESTION = 200;

function shownSuggestion(suggestion: string | undefined): string | null {
  if (suggestion === undefined) return null;
  if (suggestion.length <= SHOWN_SUGGESTION) return suggestion;
  // Never cut a character written with two UTF-16 units (an emoji) in half.
  const end = /[\uD800-\uDBFF]/.test(suggestion.charAt(SHOWN_SUGGESTION - 2)) ? SHOWN_SUGGESTION - 2 : SHOWN_SUGGESTION - 1;
  return `${suggestion.slice(0, end)}…`;
}

export function toView(sheetName: string, { result, notices }: SheetCheck): CheckView {
  const byCode = new Map<string, CheckView['byCode'][number]>();
  for (const p of result.problems) {
    const group = byCode.get(p.code) ?? { code: p.code, title: problemTitle(p.code), severity: p.severity, count: 0, fixable: 0 };
    group.count++;
    if (p.suggestion !== undefined) group.fixable++;
    if (p.severity === 'error') group.severity = 'error';
    byCode.set(p.code, group);
  }
  return {
    sheetName,
    checkedAt: new Date().toISOString(),
    rows: result.stats.rows - result.stats.blankRows,
    blankRows: result.stats.blankRows,
    errors: result.stats.errors,
    warnings: result.stats.warnings,
    blockedRows: result.stats.blockedRows,
    readyRows: result.stats.rows - result.stats.blankRows - result.stats.blockedRows,
    problems: result.problems.slice(0, LIST_LIMIT).map((p) => ({ ...p, suggestion: shownSuggestion(p.suggestion) })),
    truncated: result.problems.length > LIST_LIMIT,
    byCode: [...byCode.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1)),
    fixable: [...byCode.values()].reduce((n, g) => n + g.fixable, 0),
    notices,
  };
}
