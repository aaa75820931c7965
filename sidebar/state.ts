import type {
  AppError,
  ConnectionView,
  HistoryEntry,
  JobView,
  MappingView,
  NotificationTestView,
  PreviewView,
  PullView,
  RefreshView,
  SettingsInput,
  SettingsView,
  SheetSummary,
  SidebarState,
  CheckView,
  View,
} from '../src/shared/api';
import type { FieldId } from '../src/engine/fields';
import type { Attempt } from './failure';

/**
 * Everything the sidebar knows, and the only way it changes: `reduce(state, action)` gives a new
 * state and leaves the old one, and what the server sent, as it was. Pure (no DOM, no calls), so
 * each action is tested as state in, state out (test/sidebar-state/). sidebar/store.ts holds the
 * current state; views read it and dispatch these actions.
 */

/** Parts of the sidebar that show their own error, next to the control that failed. */
export type Area = 'boot' | 'sheet' | 'mapping' | 'check' | 'list' | 'preview' | 'job' | 'history' | 'settings' | 'templates' | 'csv';

export interface AreaError {
  error: AppError;
  retry?: () => void;
  /** What the user tried: lets the message say whether anything reached Upflow and what to do. */
  attempt?: Attempt;
}

/** The settings form as typed; secrets live here only until Save. */
export type Draft = Omit<SettingsInput, 'clearCredentials' | 'clearSlackWebhook'>;

export interface FieldProblem {
  id: 'set-url' | 'set-email' | 'set-slack';
  message: string;
}

export interface SettingsForm {
  /** What the user typed and has not saved yet. */
  readonly draft: Draft | null;
  readonly dirty: boolean;
  /** The user pressed "Remove saved credentials" and is asked to confirm. */
  readonly confirmRemove: boolean;
  readonly connection: ConnectionView | null;
  readonly notified: NotificationTestView | null;
  /** The fields the last Save found invalid, each with its message; all are shown at once. */
  readonly problems: readonly FieldProblem[];
}

export interface AppState {
  /** What getSidebarState answered, kept up to date by actions (sheets listed, settings saved). */
  readonly app: SidebarState | null;
  readonly view: View;
  readonly sheetName: string;
  readonly mapping: MappingView | null;
  /** Columns whose field help the user opened. */
  readonly helpOpen: ReadonlySet<string>;
  /** The sheet whose complete mapping the user opened anyway. */
  readonly columnsShownFor: string | null;
  readonly check: CheckView | null;
  /** The sheet was edited after the check shown: its list may be out of date. */
  readonly sheetChanged: boolean;
  /** The last batch of fixes, which the user can still take back. */
  readonly undo: { readonly sheetName: string; readonly cells: number } | null;
  /** Problem groups the user expanded; kept across re-validations of the same sheet. */
  readonly openGroups: ReadonlySet<string>;
  /** What the user narrowed the problem list to; a check of another sheet starts from the whole list. */
  readonly filter: { readonly code: string; readonly column: string };
  /** The safe fixes are listed for review before they are applied. */
  readonly reviewing: boolean;
  readonly preview: PreviewView | null;
  readonly job: JobView | null;
  /** Seconds until the next attempt when continueImport lost its connection. */
  readonly jobRetryIn: number | null;
  /** The pull this sidebar drives, shown in the card of the Templates view. */
  readonly pull: PullView | null;
  /** The last Refresh of a pulled sheet, listed in the pull card. */
  readonly refreshed: RefreshView | null;
  readonly history: readonly HistoryEntry[] | null;
  readonly settings: SettingsForm;
  /** Keys of the calls in flight, to disable their buttons and show progress. */
  readonly busy: ReadonlySet<string>;
  readonly errors: Readonly<Partial<Record<Area, AreaError>>>;
  /** A control to focus after the next render, when the one the user pressed went away. */
  readonly focus: string | null;
}

export type Action =
  /** getSidebarState answered: the sidebar works on the sheet on screen. */
  | { type: 'opened'; app: SidebarState }
  | { type: 'viewChosen'; view: View; focus?: string }
  | { type: 'focusRequested'; key: string }
  /** The render put the keyboard where it was asked. */
  | { type: 'focusTaken' }
  | { type: 'callStarted'; key: string; area: Area }
  | { type: 'callFailed'; area: Area; failure: AreaError }
  | { type: 'callEnded'; key: string }
  | { type: 'sheetsListed'; sheets: SheetSummary[] }
  /** Work on `name`: picked, followed on screen, or created by the add-on (`open`: then the Import view shows it). */
  | { type: 'sheetChosen'; name: string; lastRow: number; open: boolean }
  | { type: 'sheetEdited' }
  | { type: 'mappingLoaded'; mapping: MappingView }
  | { type: 'columnChosen'; column: string; field: FieldId | null }
  | { type: 'fieldHelpToggled'; column: string }
  | { type: 'columnsToggled'; sheetName: string | null }
  | { type: 'checkFinished'; check: CheckView }
  | { type: 'groupToggled'; code: string; open: boolean }
  | { type: 'problemsFiltered'; by: 'code' | 'column'; value: string }
  | { type: 'fixReviewToggled' }
  | { type: 'fixReviewClosed' }
  | { type: 'fixesApplied'; sheetName: string; check: CheckView; undoable: number }
  | { type: 'fixesUndone'; check: CheckView }
  | { type: 'previewReady'; preview: PreviewView }
  | { type: 'importStarted'; job: JobView }
  | { type: 'jobUpdated'; job: JobView }
  | { type: 'jobConnectionLost'; retryIn: number }
  /** The sidebar stops driving the import (it ended, failed, or is being cancelled). */
  | { type: 'jobLetGo' }
  | { type: 'jobClosed' }
  | { type: 'pullStarted'; pull: PullView }
  | { type: 'pullUpdated'; pull: PullView }
  | { type: 'pulledSheetRefreshed'; refresh: RefreshView }
  | { type: 'historyLoaded'; entries: readonly HistoryEntry[] }
  | { type: 'settingsEdited'; edit: Partial<Draft> }
  | { type: 'settingsChecked'; problems: FieldProblem[] }
  | { type: 'settingsSaved'; settings: SettingsView; newSecrets: boolean }
  | { type: 'credentialsRemovalAsked' }
  | { type: 'credentialsKept' }
  | { type: 'connectionTestStarted' }
  | { type: 'connectionTested'; connection: ConnectionView }
  | { type: 'notificationTestStarted' }
  | { type: 'notificationTested'; notified: NotificationTestView };

/** Few problems are easier to scan opened; many would bury the groups, so they start closed. */
export const OPEN_ALL_UNDER = 15;

const NO_FILTER = { code: '', column: '' };

export const initialState: AppState = {
  app: null,
  view: 'import',
  sheetName: '',
  mapping: null,
  helpOpen: new Set(),
  columnsShownFor: null,
  check: null,
  sheetChanged: false,
  undo: null,
  openGroups: new Set(),
  filter: NO_FILTER,
  reviewing: false,
  preview: null,
  job: null,
  jobRetryIn: null,
  pull: null,
  refreshed: null,
  history: null,
  settings: { draft: null, dirty: false, confirmRemove: false, connection: null, notified: null, problems: [] },
  busy: new Set(),
  errors: {},
  focus: null,
};

/** The form as the saved settings fill it: secrets are never sent back, so their fields start empty. */
export const draftOf = (s: SettingsView): Draft => ({
  environment: s.environment,
  apiBaseUrl: s.apiBaseUrl,
  apiKey: '',
  apiSecret: '',
  sourceSystem: s.sourceSystem,
  defaultCountry: s.defaultCountry || 'FR',
  notifyEmail: s.notifyEmail,
  notifyEmailAddress: s.notifyEmailAddress,
  notifySlack: s.notifySlack,
  slackWebhookUrl: '',
});

/** The settings a check and a preview depend on. */
const checkedUnder = (s: SettingsView): string => [s.environment, s.apiBaseUrl, s.hasApiKey, s.hasApiSecret, s.sourceSystem, s.defaultCountry].join('\u0001');

/** What the settings area says when Save finds fields to fix. */
export const refusal = (problems: readonly FieldProblem[]): string =>
  problems.length === 1 ? 'One field needs a fix before saving.' : `${problems.length} fields need a fix before saving.`;

const withKey = (set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> => {
  if (set.has(key) === on) return set;
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
};

function without(errors: AppState['errors'], ...areas: Area[]): AppState['errors'] {
  if (!areas.some((a) => a in errors)) return errors;
  const next = { ...errors };
  for (const area of areas) delete next[area];
  return next;
}

/** Sheets are told by name; their row counts change as the user types and show nowhere, so they are not worth a render. */
const sameSheets = (a: readonly SheetSummary[], b: readonly SheetSummary[]): boolean => a.length === b.length && a.every((s, i) => s.name === b[i]?.name);

/** A new check's list replaces the one shown; the groups the user opened stay open. */
function checked(s: AppState, v: CheckView): AppState {
  return {
    ...s,
    filter: s.check?.sheetName === v.sheetName ? s.filter : NO_FILTER,
    openGroups: s.check ? s.openGroups : new Set(v.problems.length <= OPEN_ALL_UNDER ? v.byCode.map((g) => g.code) : []),
    check: v,
    preview: null,
    sheetChanged: false,
  };
}

/** Everything shown about the previous sheet goes (mapping, check, preview, errors, a finished import of another sheet). */
function workOn(s: AppState, name: string, lastRow: number): AppState {
  const app = s.app && !s.app.sheets.some((x) => x.name === name) ? { ...s.app, sheets: [...s.app.sheets, { name, lastRow, active: false }] } : s.app;
  const job = s.job && (s.job.state === 'running' || s.job.sheetName === name) ? s.job : null;
  const errors = without(s.errors, 'mapping', 'check', 'preview', 'sheet');
  return {
    ...s,
    app,
    sheetName: name,
    mapping: null,
    check: null,
    preview: null,
    sheetChanged: false,
    undo: null,
    openGroups: new Set(),
    job,
    errors: job ? errors : without(errors, 'job'),
  };
}

const withSettings = (s: AppState, change: Partial<SettingsForm>): AppState => ({ ...s, settings: { ...s.settings, ...change } });

export function reduce(s: AppState, a: Action): AppState {
  switch (a.type) {
    case 'opened':
      return {
        ...s,
        app: a.app,
        sheetName: a.app.activeSheet || a.app.sheets[0]?.name || '',
        job: a.app.job,
        settings: { ...s.settings, draft: draftOf(a.app.settings) },
      };
    case 'viewChosen': {
      // Settings open on what is saved, unless the user has edits in progress.
      const draft = a.view === 'settings' && !s.settings.dirty && s.app ? draftOf(s.app.settings) : s.settings.draft;
      return { ...s, view: a.view, focus: a.focus ?? s.focus, settings: draft === s.settings.draft ? s.settings : { ...s.settings, draft } };
    }
    case 'focusRequested':
      return { ...s, focus: a.key };
    case 'focusTaken':
      return s.focus === null ? s : { ...s, focus: null };
    case 'callStarted':
      return { ...s, busy: withKey(s.busy, a.key, true), errors: without(s.errors, a.area) };
    case 'callFailed':
      return { ...s, errors: { ...s.errors, [a.area]: a.failure } };
    case 'callEnded':
      return s.busy.has(a.key) ? { ...s, busy: withKey(s.busy, a.key, false) } : s;
    case 'sheetsListed':
      return s.app && !sameSheets(s.app.sheets, a.sheets) ? { ...s, app: { ...s.app, sheets: a.sheets } } : s;
    case 'sheetChosen': {
      const next = workOn(s, a.name, a.lastRow);
      return a.open ? { ...next, view: 'import' } : next;
    }
    case 'sheetEdited':
      // The list and the preview describe a sheet that is no more: the next step is a new check.
      return { ...s, sheetChanged: true, preview: null };
    case 'mappingLoaded':
      // A new mapping makes earlier check and preview results meaningless.
      return { ...s, mapping: a.mapping, check: null, preview: null };
    case 'columnChosen': {
      const m = s.mapping;
      if (!m) return s;
      // Shown at once so the select does not jump back while the server answers.
      const columns = m.columns.map((c) => (c.column === a.column ? { ...c, field: a.field, how: 'saved' as const, suggestion: null } : c));
      return { ...s, mapping: { ...m, columns }, check: null, preview: null };
    }
    case 'fieldHelpToggled':
      return { ...s, helpOpen: withKey(s.helpOpen, a.column, !s.helpOpen.has(a.column)) };
    case 'columnsToggled':
      return { ...s, columnsShownFor: a.sheetName, focus: 'show-columns' };
    case 'checkFinished':
      return checked(s, a.check);
    case 'groupToggled': {
      const openGroups = withKey(s.openGroups, a.code, a.open);
      return openGroups === s.openGroups ? s : { ...s, openGroups };
    }
    case 'problemsFiltered':
      return { ...s, filter: { ...s.filter, [a.by]: a.value }, focus: `filter-${a.by}` };
    case 'fixReviewToggled':
      return { ...s, reviewing: !s.reviewing, focus: s.reviewing ? 'fix-all' : 'apply-fixes' };
    case 'fixReviewClosed':
      return s.reviewing ? { ...s, reviewing: false } : s;
    case 'fixesApplied':
      return { ...checked(s, a.check), undo: a.undoable > 0 ? { sheetName: a.sheetName, cells: a.undoable } : null };
    case 'fixesUndone':
      return { ...checked(s, a.check), undo: null, focus: 'check-summary' };
    case 'previewReady':
      return { ...s, preview: a.preview };
    case 'importStarted':
      return { ...s, job: a.job, preview: null, focus: 'cancel-button' };
    case 'jobUpdated':
      return { ...s, job: a.job, jobRetryIn: null };
    case 'jobConnectionLost':
      return { ...s, jobRetryIn: a.retryIn };
    case 'jobLetGo':
      return { ...s, busy: withKey(s.busy, 'job', false), jobRetryIn: null };
    case 'jobClosed':
      return { ...s, job: null };
    case 'pullStarted':
      return { ...s, pull: a.pull, busy: withKey(s.busy, 'pull', true) };
    case 'pullUpdated':
      return { ...s, pull: a.pull };
    case 'pulledSheetRefreshed':
      return { ...s, refreshed: a.refresh };
    case 'historyLoaded':
      return { ...s, history: [...a.entries].sort((x, y) => y.startedAt.localeCompare(x.startedAt)) };
    case 'settingsEdited':
      return s.settings.draft ? withSettings(s, { draft: { ...s.settings.draft, ...a.edit }, dirty: true }) : s;
    case 'settingsChecked': {
      const first = a.problems[0];
      const next = withSettings(s, { problems: a.problems });
      return first ? { ...next, errors: { ...s.errors, settings: { error: { code: 'INVALID', message: refusal(a.problems) } } }, focus: first.id } : next;
    }
    case 'settingsSaved': {
      if (!s.app) return s;
      // A check or preview made under other settings (what is sent, against which organisation) no longer holds.
      const stale = checkedUnder(s.app.settings) !== checkedUnder(a.settings) || a.newSecrets;
      return {
        ...s,
        app: { ...s.app, settings: a.settings },
        ...(stale && { check: null, preview: null }),
        // Secrets are write-only: what was typed is forgotten as soon as the server has it.
        settings: { ...s.settings, draft: draftOf(a.settings), dirty: false, confirmRemove: false, connection: null, notified: null },
      };
    }
    case 'credentialsRemovalAsked':
      return { ...withSettings(s, { confirmRemove: true }), focus: 'confirm-remove' };
    case 'credentialsKept':
      return { ...withSettings(s, { confirmRemove: false }), focus: 'remove-credentials' };
    case 'connectionTestStarted':
      return withSettings(s, { connection: null });
    case 'connectionTested':
      return withSettings(s, { connection: a.connection });
    case 'notificationTestStarted':
      return withSettings(s, { notified: null });
    case 'notificationTested':
      return { ...withSettings(s, { notified: a.notified }), focus: 'test-notification' };
  }
}
