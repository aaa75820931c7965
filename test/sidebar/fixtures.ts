import type { JobView, MappingView, ProblemView, SettingsView, SidebarState, CheckView } from '../../src/shared/api';
import { initialState, reduce, type Action, type AppState } from '../../sidebar/state';

export const SETTINGS: SettingsView = {
  environment: 'production',
  apiBaseUrl: 'https://api.upflow.io/v1',
  hasApiKey: true,
  hasApiSecret: true,
  sourceSystem: 'API',
  defaultCountry: 'FR',
  notifyEmail: false,
  notifyEmailAddress: '',
  notifySlack: false,
  hasSlackWebhook: false,
};

export const APP: SidebarState = {
  initialView: 'import',
  user: 'ana@example.com',
  sheets: [
    { name: 'Customers', lastRow: 3, active: true },
    { name: 'Contacts', lastRow: 9, active: false },
  ],
  activeSheet: 'Customers',
  templates: [],
  fields: [],
  settings: SETTINGS,
  job: null,
};

export const problem = (cell: string, code: string): ProblemView => ({
  row: Number(cell.slice(1)),
  column: cell.slice(0, 1),
  cell,
  field: null,
  severity: 'error',
  code,
  message: `${code} in ${cell}`,
  fix: '',
  suggestion: null,
});

/** A check of `sheetName` that found `problems`, grouped by code as the server groups them. */
export function check(sheetName: string, problems: ProblemView[], checkedAt = '2026-12-02T06:00:00.000Z'): CheckView {
  const codes = [...new Set(problems.map((p) => p.code))];
  return {
    sheetName,
    checkedAt,
    rows: 2,
    blankRows: 0,
    errors: problems.length,
    warnings: 0,
    blockedRows: problems.length ? 1 : 0,
    readyRows: problems.length ? 1 : 2,
    problems,
    truncated: false,
    byCode: codes.map((code) => ({ code, title: code, severity: 'error', count: problems.filter((p) => p.code === code).length, fixable: 0 })),
    fixable: 0,
    notices: [],
  };
}

export const mapping = (sheetName: string): MappingView => ({
  sheetName,
  headerRow: 1,
  dataRows: 2,
  template: 'customers',
  templateInferred: true,
  columns: [
    { index: 0, column: 'A', header: 'Name', field: 'customerName', how: 'label', confidence: 1, suggestion: null },
    { index: 1, column: 'B', header: 'Kunde', field: null, how: 'none', confidence: 0, suggestion: 'customerId' },
  ],
  missingRequired: [],
  conflicts: [],
});

export const job = (sheetName: string, state: JobView['state']): JobView => ({
  id: `job-${sheetName}`,
  sheetName,
  state,
  mode: 'import',
  totalCustomers: 2,
  doneCustomers: state === 'running' ? 1 : 2,
  totalRows: 2,
  doneRows: state === 'running' ? 1 : 2,
  created: 1,
  updated: 0,
  unchanged: 0,
  failed: 0,
  skipped: 0,
  unplaced: 0,
  startedAt: '2026-12-02T06:00:00.000Z',
  lastChunkAt: '2026-12-02T06:00:10.000Z',
  ratePerMinute: 60,
  secondsLeft: 1,
  message: '',
});

/** Freezes what an action might be tempted to change in place: a write then throws (tests run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The state after the given actions, from a sidebar just opened on APP. */
export const after = (...actions: Action[]): AppState => actions.reduce(reduce, reduce(initialState, { type: 'opened', app: structuredClone(APP) }));
