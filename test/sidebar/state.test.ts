/**
 * The sidebar's actions, state in and state out (sidebar/state.ts): what each one makes the
 * sidebar show, and that none changes in place the state before it or what the server sent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, reduce, type Action, type AppState } from '../../sidebar/state';
import { APP, SETTINGS, after, check, deepFreeze, job, mapping, problem } from './fixtures';

const manyProblems = Array.from({ length: 16 }, (_, i) => problem(`E${i + 2}`, i % 2 ? 'EMAIL_INVALID' : 'VAT_INVALID'));

test('opened: the sidebar works on the sheet on screen, or the first sheet when the add-on keeps the one on screen', () => {
  const s = after();
  assert.equal(s.sheetName, 'Customers');
  assert.equal(s.app?.user, 'ana@example.com');
  assert.deepEqual(s.settings.draft?.apiKey, '', 'a secret is never filled back in');
  const hidden = reduce(initialState, { type: 'opened', app: { ...APP, activeSheet: '' } });
  assert.equal(hidden.sheetName, 'Customers');
  const empty = reduce(initialState, { type: 'opened', app: { ...APP, activeSheet: '', sheets: [] } });
  assert.equal(empty.sheetName, '');
});

test('checkFinished: a first check of few problems opens every group; of many, none', () => {
  const few = after({ type: 'checkFinished', check: check('Customers', [problem('E2', 'EMAIL_INVALID'), problem('F3', 'VAT_INVALID')]) });
  assert.deepEqual([...few.openGroups].sort(), ['EMAIL_INVALID', 'VAT_INVALID']);
  const many = after({ type: 'checkFinished', check: check('Customers', manyProblems) });
  assert.deepEqual([...many.openGroups], []);
});

test('checkFinished: checked again, the groups the user opened stay open and the filter stays; another sheet starts from the whole list', () => {
  const first = after(
    { type: 'checkFinished', check: check('Customers', manyProblems) },
    { type: 'groupToggled', code: 'VAT_INVALID', open: true },
    { type: 'problemsFiltered', by: 'column', value: 'E' },
  );
  assert.deepEqual(first.filter, { code: '', column: 'E' });
  const again = reduce(first, { type: 'checkFinished', check: check('Customers', manyProblems.slice(1)) });
  assert.deepEqual([...again.openGroups], ['VAT_INVALID']);
  assert.deepEqual(again.filter, { code: '', column: 'E' });
  const other = reduce(first, { type: 'checkFinished', check: check('Contacts', manyProblems) });
  assert.deepEqual(other.filter, { code: '', column: '' });
});

test('checkFinished: the preview of the sheet before goes, and the sheet is no longer marked as changed', () => {
  const s = after({ type: 'checkFinished', check: check('Customers', []) }, { type: 'previewReady', preview: previewOf('Customers') }, { type: 'sheetEdited' });
  assert.equal(s.sheetChanged, true);
  assert.equal(s.preview, null, 'an edit makes the preview stale');
  const checked = reduce({ ...s, preview: previewOf('Customers') }, { type: 'checkFinished', check: check('Customers', []) });
  assert.equal(checked.sheetChanged, false);
  assert.equal(checked.preview, null);
});

test('sheetChosen: everything shown about the previous sheet goes; a running import stays, a finished one of another sheet goes with its error', () => {
  const busy = after(
    { type: 'mappingLoaded', mapping: mapping('Customers') },
    { type: 'checkFinished', check: check('Customers', [problem('E2', 'EMAIL_INVALID')]) },
    { type: 'fixesApplied', sheetName: 'Customers', check: check('Customers', []), undoable: 2 },
    { type: 'callFailed', area: 'preview', failure: { error: { code: 'UNREACHABLE', message: 'Upflow could not be reached.' } } },
  );
  const finished = reduce(reduce(busy, { type: 'jobUpdated', job: job('Customers', 'done') }), {
    type: 'callFailed',
    area: 'job',
    failure: { error: { code: 'X', message: 'Copy failed.' } },
  });
  const moved = reduce(finished, { type: 'sheetChosen', name: 'Contacts', lastRow: 0, open: false });
  assert.equal(moved.sheetName, 'Contacts');
  assert.equal(moved.mapping, null);
  assert.equal(moved.check, null);
  assert.equal(moved.undo, null);
  assert.deepEqual([...moved.openGroups], []);
  assert.equal(moved.job, null);
  assert.deepEqual(moved.errors, {});
  assert.equal(moved.view, 'import');

  const running = reduce(finished, { type: 'jobUpdated', job: job('Customers', 'running') });
  const followed = reduce(running, { type: 'sheetChosen', name: 'Contacts', lastRow: 0, open: false });
  assert.equal(followed.job?.sheetName, 'Customers', 'the running import keeps its card');
  assert.equal(followed.errors.job?.error.message, 'Copy failed.');
});

test('sheetChosen: a sheet the add-on created joins the picker and the Import view shows it; the server’s list is left as it came', () => {
  const onTemplates = after({ type: 'viewChosen', view: 'templates' });
  const sheetsBefore = onTemplates.app!.sheets;
  const s = reduce(onTemplates, { type: 'sheetChosen', name: 'Customers (2)', lastRow: 4, open: true });
  assert.equal(s.view, 'import');
  assert.deepEqual(
    s.app?.sheets.map((x) => [x.name, x.lastRow]),
    [
      ['Customers', 3],
      ['Contacts', 9],
      ['Customers (2)', 4],
    ],
  );
  assert.equal(sheetsBefore.length, 2);
  const picked = reduce(s, { type: 'sheetChosen', name: 'Contacts', lastRow: 0, open: false });
  assert.equal(picked.app?.sheets.length, 3, 'a sheet already listed is not listed twice');
});

test('sheetsListed: the same sheets give back the same state (no render); a new sheet gives a new list', () => {
  const s = after();
  assert.equal(reduce(s, { type: 'sheetsListed', sheets: structuredClone(APP.sheets) }), s);
  const grown = reduce(s, { type: 'sheetsListed', sheets: [...APP.sheets, { name: 'New', lastRow: 1, active: false }] });
  assert.deepEqual(
    grown.app?.sheets.map((x) => x.name),
    ['Customers', 'Contacts', 'New'],
  );
});

test('mapping: a column chosen shows at once as saved, and drops the check and preview made with the old mapping', () => {
  const s = after(
    { type: 'mappingLoaded', mapping: mapping('Customers') },
    { type: 'checkFinished', check: check('Customers', []) },
    { type: 'columnChosen', column: 'B', field: 'customerId' },
  );
  assert.deepEqual(s.mapping?.columns[1], { index: 1, column: 'B', header: 'Kunde', field: 'customerId', how: 'saved', confidence: 0, suggestion: null });
  assert.equal(s.check, null);
  const help = reduce(reduce(s, { type: 'fieldHelpToggled', column: 'A' }), { type: 'fieldHelpToggled', column: 'B' });
  assert.deepEqual([...help.helpOpen], ['A', 'B']);
  assert.deepEqual([...reduce(help, { type: 'fieldHelpToggled', column: 'A' }).helpOpen], ['B']);
  const shown = reduce(s, { type: 'columnsToggled', sheetName: 'Customers' });
  assert.equal(shown.columnsShownFor, 'Customers');
  assert.equal(shown.focus, 'show-columns');
});

test('fixes: the review opens with the focus on Apply, closes back on its button; applied, the batch can be undone once', () => {
  const review = after({ type: 'checkFinished', check: check('Customers', [problem('C2', 'POSTAL_CODE_FORMAT')]) }, { type: 'fixReviewToggled' });
  assert.equal(review.reviewing, true);
  assert.equal(review.focus, 'apply-fixes');
  const closed = reduce(review, { type: 'fixReviewToggled' });
  assert.equal(closed.focus, 'fix-all');
  const applied = reduce(reduce(review, { type: 'fixReviewClosed' }), { type: 'fixesApplied', sheetName: 'Customers', check: check('Customers', []), undoable: 3 });
  assert.equal(applied.reviewing, false);
  assert.deepEqual(applied.undo, { sheetName: 'Customers', cells: 3 });
  assert.equal(applied.check?.errors, 0);
  const tooMany = reduce(review, { type: 'fixesApplied', sheetName: 'Customers', check: check('Customers', []), undoable: 0 });
  assert.equal(tooMany.undo, null, 'too many cells to keep: nothing to undo');
  const undone = reduce(applied, { type: 'fixesUndone', check: check('Customers', [problem('C2', 'POSTAL_CODE_FORMAT')]) });
  assert.equal(undone.undo, null);
  assert.equal(undone.check?.errors, 1);
  assert.equal(undone.focus, 'check-summary');
});

test('a call: busy while it runs, its area’s old error cleared at the start, the new one kept after the end', () => {
  const failedBefore = after({
    type: 'callFailed',
    area: 'check',
    failure: { error: { code: 'UNREACHABLE', message: 'Upflow could not be reached.' }, attempt: { kind: 'check' } },
  });
  const running = reduce(failedBefore, { type: 'callStarted', key: 'check', area: 'check' });
  assert.deepEqual([...running.busy], ['check']);
  assert.equal(running.errors.check, undefined);
  const failed = reduce(running, { type: 'callFailed', area: 'check', failure: { error: { code: 'HTTP_500', message: 'Internal server error' } } });
  const ended = reduce(failed, { type: 'callEnded', key: 'check' });
  assert.deepEqual([...ended.busy], []);
  assert.equal(ended.errors.check?.error.code, 'HTTP_500');
  assert.equal(reduce(ended, { type: 'callEnded', key: 'check' }), ended, 'nothing to end: the same state, no render');
});

test('import: started, the preview goes and Cancel has the focus; a lost connection shows its countdown until the next answer', () => {
  const started = after({ type: 'previewReady', preview: previewOf('Customers') }, { type: 'importStarted', job: job('Customers', 'running') });
  assert.equal(started.preview, null);
  assert.equal(started.focus, 'cancel-button');
  const following = reduce(reduce(started, { type: 'callStarted', key: 'job', area: 'job' }), { type: 'jobConnectionLost', retryIn: 4 });
  assert.equal(following.jobRetryIn, 4);
  const answered = reduce(following, { type: 'jobUpdated', job: job('Customers', 'done') });
  assert.equal(answered.jobRetryIn, null);
  assert.equal(answered.job?.state, 'done');
  const letGo = reduce(following, { type: 'jobLetGo' });
  assert.deepEqual([...letGo.busy], []);
  assert.equal(letGo.jobRetryIn, null);
  assert.equal(reduce(answered, { type: 'jobClosed' }).job, null);
});

test('pull: the pull card follows the pull and is busy until it ends; a refresh is kept for its sheet', () => {
  const pull = { id: 'p1', sheetName: 'Upflow customers', state: 'running' as const, customers: 0, lines: 0, read: 0, total: 40, message: '' };
  const started = after({ type: 'pullStarted', pull });
  assert.deepEqual([...started.busy], ['pull']);
  const read = reduce(started, { type: 'pullUpdated', pull: { ...pull, read: 20, customers: 20 } });
  assert.equal(read.pull?.read, 20);
  assert.deepEqual([...reduce(read, { type: 'callEnded', key: 'pull' }).busy], []);
  const refresh = {
    sheetName: 'Upflow customers',
    changedInUpflow: [3],
    changedCount: 1,
    editedHere: [],
    editedCount: 0,
    conflicts: [],
    conflictCount: 0,
    goneFromUpflow: [],
    added: 0,
  };
  assert.equal(reduce(read, { type: 'pulledSheetRefreshed', refresh }).refreshed?.changedCount, 1);
});

test('historyLoaded: the newest import first', () => {
  const entry = (id: string, startedAt: string) => ({
    id,
    startedAt,
    endedAt: startedAt,
    user: 'ana@example.com',
    sheet: 'Customers',
    template: 'customers',
    mode: 'import',
    created: 1,
    updated: 0,
    unchanged: 0,
    failed: 0,
    skipped: 0,
    status: 'success' as const,
    location: '',
    message: '',
  });
  const s = after({ type: 'historyLoaded', entries: [entry('1', '2026-12-01T09:00:00Z'), entry('3', '2026-12-02T08:00:00Z'), entry('2', '2026-12-01T10:00:00Z')] });
  assert.deepEqual(
    s.history?.map((e) => e.id),
    ['3', '2', '1'],
  );
});

test('settings: typed edits wait for Save; opening Settings again shows what is saved unless edits are in progress', () => {
  const typed = after({ type: 'viewChosen', view: 'settings' }, { type: 'settingsEdited', edit: { notifyEmail: true, notifyEmailAddress: 'ops@example.com' } });
  assert.equal(typed.settings.dirty, true);
  assert.equal(typed.settings.draft?.notifyEmailAddress, 'ops@example.com');
  assert.equal(typed.app?.settings.notifyEmail, false, 'nothing is saved yet');
  const back = reduce(reduce(typed, { type: 'viewChosen', view: 'import' }), { type: 'viewChosen', view: 'settings' });
  assert.equal(back.settings.draft?.notifyEmailAddress, 'ops@example.com', 'the edits in progress stay');
  const clean = after({ type: 'viewChosen', view: 'settings', focus: 'tab-settings' });
  assert.equal(clean.view, 'settings');
  assert.equal(clean.focus, 'tab-settings');
  assert.equal(clean.settings.draft?.environment, 'production');
});

test('settings: Save refused names how many fields to fix and moves the focus to the first', () => {
  const s = after({
    type: 'settingsChecked',
    problems: [
      { id: 'set-email', message: '"ana@" is not an email address.' },
      { id: 'set-slack', message: 'Paste the Slack webhook URL, or untick Slack notifications.' },
    ],
  });
  assert.deepEqual(s.errors.settings?.error, { code: 'INVALID', message: '2 fields need a fix before saving.' });
  assert.equal(s.focus, 'set-email');
  const fixed = reduce(s, { type: 'settingsChecked', problems: [] });
  assert.deepEqual(fixed.settings.problems, []);
  assert.equal(fixed.focus, 'set-email', 'a Save that goes through moves nothing');
});

test('settingsSaved: another organisation or new secrets drop the check and preview; a notification setting keeps them; typed secrets are forgotten', () => {
  const checked = after(
    { type: 'checkFinished', check: check('Customers', []) },
    { type: 'previewReady', preview: previewOf('Customers') },
    { type: 'settingsEdited', edit: { apiKey: 'typed-key' } },
    { type: 'credentialsRemovalAsked' },
  );
  const notifying = reduce(checked, { type: 'settingsSaved', settings: { ...SETTINGS, notifyEmail: true }, newSecrets: false });
  assert.equal(notifying.check?.sheetName, 'Customers');
  assert.equal(notifying.preview?.sheetName, 'Customers');
  assert.equal(notifying.app?.settings.notifyEmail, true);
  assert.equal(notifying.settings.draft?.apiKey, '');
  assert.equal(notifying.settings.dirty, false);
  assert.equal(notifying.settings.confirmRemove, false);
  const sandbox = reduce(checked, { type: 'settingsSaved', settings: { ...SETTINGS, environment: 'sandbox', apiBaseUrl: 'https://api.sandbox.upflow.io/v1' }, newSecrets: false });
  assert.equal(sandbox.check, null);
  assert.equal(sandbox.preview, null);
  const newKey = reduce(checked, { type: 'settingsSaved', settings: SETTINGS, newSecrets: true });
  assert.equal(newKey.check, null);
});

test('settings: removing credentials asks first; a test clears the last result until its answer', () => {
  const asked = after({ type: 'credentialsRemovalAsked' });
  assert.equal(asked.settings.confirmRemove, true);
  assert.equal(asked.focus, 'confirm-remove');
  const kept = reduce(asked, { type: 'credentialsKept' });
  assert.equal(kept.settings.confirmRemove, false);
  assert.equal(kept.focus, 'remove-credentials');
  const tested = after({ type: 'connectionTested', connection: { members: 3, accountManagers: 2, positions: [], workflows: 1 } });
  assert.equal(tested.settings.connection?.members, 3);
  assert.equal(reduce(tested, { type: 'connectionTestStarted' }).settings.connection, null);
  const notified = after({ type: 'notificationTested', notified: { email: 'ana@example.com', slack: false, problems: [] } });
  assert.equal(notified.settings.notified?.email, 'ana@example.com');
  assert.equal(notified.focus, 'test-notification');
  assert.equal(reduce(notified, { type: 'notificationTestStarted' }).settings.notified, null);
});

test('focus: asked by an action, taken once by the render', () => {
  const asked = after({ type: 'focusRequested', key: 'import-result' });
  assert.equal(asked.focus, 'import-result');
  const taken = reduce(asked, { type: 'focusTaken' });
  assert.equal(taken.focus, null);
  assert.equal(reduce(taken, { type: 'focusTaken' }), taken);
});

test('groupToggled: the same group opened twice gives back the same state, so a re-rendered open group does not render again', () => {
  const open = after({ type: 'groupToggled', code: 'VAT_INVALID', open: true });
  assert.equal(reduce(open, { type: 'groupToggled', code: 'VAT_INVALID', open: true }), open);
  assert.deepEqual([...reduce(open, { type: 'groupToggled', code: 'VAT_INVALID', open: false }).openGroups], []);
});

/** One of each action: the type checker refuses this table when an action is added without one. */
const EVERY_ACTION: { [T in Action['type']]: Extract<Action, { type: T }> } = {
  opened: { type: 'opened', app: APP },
  viewChosen: { type: 'viewChosen', view: 'settings' },
  focusRequested: { type: 'focusRequested', key: 'x' },
  focusTaken: { type: 'focusTaken' },
  callStarted: { type: 'callStarted', key: 'check', area: 'check' },
  callFailed: { type: 'callFailed', area: 'check', failure: { error: { code: 'X', message: 'No.' } } },
  callEnded: { type: 'callEnded', key: 'check' },
  sheetsListed: { type: 'sheetsListed', sheets: [{ name: 'Other', lastRow: 1, active: true }] },
  sheetChosen: { type: 'sheetChosen', name: 'Other', lastRow: 2, open: true },
  sheetEdited: { type: 'sheetEdited' },
  mappingLoaded: { type: 'mappingLoaded', mapping: mapping('Customers') },
  columnChosen: { type: 'columnChosen', column: 'A', field: null },
  fieldHelpToggled: { type: 'fieldHelpToggled', column: 'A' },
  columnsToggled: { type: 'columnsToggled', sheetName: null },
  checkFinished: { type: 'checkFinished', check: check('Contacts', manyProblems) },
  groupToggled: { type: 'groupToggled', code: 'EMAIL_INVALID', open: false },
  problemsFiltered: { type: 'problemsFiltered', by: 'code', value: 'VAT_INVALID' },
  fixReviewToggled: { type: 'fixReviewToggled' },
  fixReviewClosed: { type: 'fixReviewClosed' },
  fixesApplied: { type: 'fixesApplied', sheetName: 'Customers', check: check('Customers', []), undoable: 1 },
  fixesUndone: { type: 'fixesUndone', check: check('Customers', []) },
  previewReady: { type: 'previewReady', preview: previewOf('Customers') },
  importStarted: { type: 'importStarted', job: job('Customers', 'running') },
  jobUpdated: { type: 'jobUpdated', job: job('Customers', 'done') },
  jobConnectionLost: { type: 'jobConnectionLost', retryIn: 2 },
  jobLetGo: { type: 'jobLetGo' },
  jobClosed: { type: 'jobClosed' },
  pullStarted: { type: 'pullStarted', pull: { id: 'p', sheetName: 'P', state: 'running', customers: 0, lines: 0, read: 0, total: null, message: '' } },
  pullUpdated: { type: 'pullUpdated', pull: { id: 'p', sheetName: 'P', state: 'done', customers: 1, lines: 1, read: 1, total: 1, message: '' } },
  pulledSheetRefreshed: {
    type: 'pulledSheetRefreshed',
    refresh: { sheetName: 'P', changedInUpflow: [], changedCount: 0, editedHere: [], editedCount: 0, conflicts: [], conflictCount: 0, goneFromUpflow: [], added: 0 },
  },
  historyLoaded: { type: 'historyLoaded', entries: [] },
  settingsEdited: { type: 'settingsEdited', edit: { apiKey: 'k' } },
  settingsChecked: { type: 'settingsChecked', problems: [{ id: 'set-url', message: 'No.' }] },
  settingsSaved: { type: 'settingsSaved', settings: { ...SETTINGS, sourceSystem: 'SALESFORCE_API' }, newSecrets: false },
  credentialsRemovalAsked: { type: 'credentialsRemovalAsked' },
  credentialsKept: { type: 'credentialsKept' },
  connectionTestStarted: { type: 'connectionTestStarted' },
  connectionTested: { type: 'connectionTested', connection: { members: 1, accountManagers: 1, positions: [], workflows: 0 } },
  notificationTestStarted: { type: 'notificationTestStarted' },
  notificationTested: { type: 'notificationTested', notified: { email: null, slack: true, problems: [] } },
};

/** The state as plain data, sets included, to compare before and after. */
const snapshot = (s: AppState): string => JSON.stringify(s, (_, v: unknown) => (v instanceof Set ? [...(v as Set<string>)].sort() : typeof v === 'function' ? 'fn' : v));

test('no action changes the state before it, nor what the server sent, in place', () => {
  const full = after(
    { type: 'mappingLoaded', mapping: mapping('Customers') },
    { type: 'checkFinished', check: check('Customers', manyProblems) },
    { type: 'groupToggled', code: 'VAT_INVALID', open: true },
    { type: 'fieldHelpToggled', column: 'B' },
    { type: 'callStarted', key: 'check', area: 'check' },
    { type: 'callFailed', area: 'preview', failure: { error: { code: 'X', message: 'No.' } } },
    { type: 'importStarted', job: job('Customers', 'running') },
    { type: 'fixReviewToggled' },
  );
  for (const action of Object.values(EVERY_ACTION)) {
    const before = deepFreeze(structuredClone(full));
    const seen = snapshot(before);
    const next = reduce(before, deepFreeze(structuredClone(action)));
    assert.equal(snapshot(before), seen, action.type);
    assert.notEqual(next, undefined, action.type);
  }
});

function previewOf(sheetName: string) {
  return {
    sheetName,
    mode: 'import' as const,
    customers: { create: 1, update: 0, unchanged: 0 },
    contacts: { create: 0, update: 0, unchanged: 0 },
    changes: [],
    changesTotal: 0,
    dropped: [],
    notices: [],
    blockedRows: 0,
    unmatchedRows: 0,
    readyRows: 1,
  };
}
