import type { FixInput, ProblemView, CheckView } from '../../src/shared/api';
import { fieldLabel } from '../catalog';
import { h, type Child } from '../dom';
import { plural, time } from '../format';
import { call, focusSheet } from '../rpc';
import { announce } from '../status';
import { dispatch, isBusy, perform, record, state } from '../store';
import { areaError, button, notice, severityIcon, spinner } from '../ui';

/** Says what a check found; the list itself is in the state ('checkFinished', 'fixesApplied', 'fixesUndone'). */
function announceCheck(v: CheckView): void {
  const found = v.errors + v.warnings;
  announce(
    v.rows === 0
      ? 'No line to check below the headers.'
      : found
        ? `${plural(v.errors, 'error')} and ${plural(v.warnings, 'warning')} in ${plural(v.rows, 'line')}; ${v.readyRows.toLocaleString()} ready.`
        : `${v.rows === 1 ? 'The line is' : `All ${plural(v.rows, 'line')} are`} ready to import${v.notices.length ? ', but account managers and workflows were not checked against Upflow' : ''}.`,
    v.errors ? 'warning' : 'success',
  );
}

export async function runCheck(): Promise<void> {
  const sheetName = state.sheetName;
  const v = await perform(
    'check',
    'check',
    () => call('checkSheet', sheetName),
    () => void runCheck(),
    { kind: 'check' },
  );
  if (!v || state.sheetName !== sheetName) return;
  dispatch({ type: 'checkFinished', check: v });
  announceCheck(v);
}

/** Whether the check is sure of its suggestion (a cleanup) or guesses what was meant (an error). */
const isGuess = (severity: ProblemView['severity']): boolean => severity === 'error';
/** Numbers the batches this sidebar applies. Not application state: it only makes each batch id new. */
let batches = 0;

/** Applies fixes, kind by kind when several, as one batch the user can undo. */
async function fix(inputs: FixInput[]): Promise<void> {
  const sheetName = state.sheetName;
  const batch = `${Date.now()}-${++batches}`;
  const applied = await perform('fix', 'list', async () => {
    let last = null;
    for (const input of inputs) last = await call('applyFixesUndoable', { fix: input, batch });
    return last;
  });
  dispatch({ type: 'fixReviewClosed' });
  if (!applied || state.sheetName !== sheetName) return;
  dispatch({ type: 'fixesApplied', sheetName, check: applied.check, undoable: applied.undoable });
  announceCheck(applied.check);
  announce(`${plural(applied.undoable, 'cell')} fixed. Undo puts the previous values back.`, 'success');
}

async function undo(): Promise<void> {
  const sheetName = state.sheetName;
  const undone = await perform('undo', 'list', () => call('undoFixes', sheetName));
  if (!undone || state.sheetName !== sheetName) return;
  dispatch({ type: 'fixesUndone', check: undone.check });
  announceCheck(undone.check);
  announce(`${plural(undone.restored, 'cell')} back to ${undone.restored === 1 ? 'its' : 'their'} previous value.`, 'success');
}

const fixCell = (cell: string): Promise<void> => fix([{ sheetName: state.sheetName, cell, code: null }]);

/** The safe fixes, listed before they are applied; guesses are left to be taken one by one. */
function review(v: CheckView): Child {
  const safeKinds = v.byCode.filter((g) => g.fixable > 0 && !isGuess(g.severity));
  const safe = safeKinds.reduce((n, g) => n + g.fixable, 0);
  // A kind's severity is its worst problem's (src/server/check-service.ts): a warning kind holds no guess.
  const guesses = v.byCode.some((g) => g.fixable > 0 && isGuess(g.severity));
  if (!safe && !guesses) return null;
  const busy = isBusy('fix', 'undo');
  const listed = v.problems.filter((p) => p.suggestion !== null && !isGuess(p.severity));
  const reviewing = state.reviewing;
  const toggle = () => dispatch({ type: 'fixReviewToggled' });
  return h(
    'div',
    { class: 'fix-review' },
    safe > 0 &&
      h(
        'div',
        { class: 'toolbar' },
        button(`Review ${plural(safe, 'safe fix', 'safe fixes')}`, toggle, { 'data-testid': 'fix-all', 'aria-expanded': reviewing ? 'true' : 'false', disabled: busy }),
        isBusy('fix') && spinner('Applying fixes…'),
      ),
    reviewing &&
      safe > 0 &&
      h(
        'div',
        { class: 'review-panel', 'data-testid': 'fix-review' },
        h('p', { class: 'small' }, 'These cells will be changed:'),
        h(
          'ul',
          { class: 'review-list' },
          listed.map((p) => h('li', {}, h('strong', {}, p.cell), ' → ‘', h('span', { class: 'suggestion' }, p.suggestion ?? ''), '’')),
        ),
        safe > listed.length && h('p', { class: 'muted small' }, `…and ${plural(safe - listed.length, 'more cell')} of the same kinds.`),
        h(
          'div',
          { class: 'toolbar' },
          button(`Apply ${plural(safe, 'fix', 'fixes')}`, () => void fix(safeKinds.map((g) => ({ sheetName: state.sheetName, cell: null, code: g.code }))), {
            kind: 'action',
            'data-testid': 'apply-fixes',
            disabled: busy,
          }),
          button('Cancel', toggle, { 'data-focus': 'cancel-fixes' }),
        ),
      ),
    guesses && h('p', { class: 'muted small', 'data-testid': 'guesses-note' }, 'The suggestions for errors are guesses: check each one below before using it.'),
  );
}

function undoNotice(): Child {
  const u = state.undo;
  if (!u || u.sheetName !== state.sheetName) return null;
  return h(
    'div',
    { 'data-testid': 'undo-notice' },
    notice(
      'success',
      h('p', {}, `${plural(u.cells, 'cell')} fixed.`),
      button(isBusy('undo') ? 'Undoing…' : 'Undo', () => void undo(), { 'data-testid': 'undo-fixes', disabled: isBusy('fix', 'undo') }),
    ),
  );
}

/** A mouse user goes on typing in the cell; a keyboard user stays in the list to read the next one. */
async function jump(cell: string, withPointer: boolean): Promise<void> {
  const sheetName = state.sheetName;
  const done = await perform('jump', 'list', () => call('jumpToCell', sheetName, cell));
  if (done !== undefined && withPointer) focusSheet();
}

function summary(v: CheckView): HTMLElement {
  const stat = (n: number, label: string, tone: string) =>
    h('div', { class: `stat stat-${n ? tone : 'zero'}` }, h('span', { class: 'num' }, n.toLocaleString()), h('span', { class: 'lbl' }, label));
  return h(
    'div',
    { class: 'summary', 'data-testid': 'check-summary' },
    h(
      'div',
      { class: 'stats' },
      stat(v.readyRows, 'ready', 'success'),
      stat(v.blockedRows, 'blocked', 'error'),
      stat(v.errors, v.errors === 1 ? 'error' : 'errors', 'error'),
      stat(v.warnings, v.warnings === 1 ? 'warning' : 'warnings', 'warning'),
    ),
    h('p', { class: 'muted small' }, `${plural(v.rows, 'line')} checked at ${time(v.checkedAt)}`, v.blankRows ? `, ${plural(v.blankRows, 'blank line')} skipped` : '', '.'),
    v.notices.length > 0 &&
      h(
        'div',
        { 'data-testid': 'check-notices' },
        v.notices.map((text) => notice('warning', h('p', {}, text))),
        !state.app?.settings.hasApiKey && button('Open Settings', () => dispatch({ type: 'viewChosen', view: 'settings' }), { 'data-focus': 'notice-settings' }),
      ),
    v.rows === 0 && notice('info', h('p', {}, 'There is no line below the headers: add your customers, then check again.')),
    v.rows > 0 && v.errors + v.warnings === 0 && notice('success', h('p', {}, 'No problem found.')),
    state.sheetChanged &&
      h(
        'div',
        { 'data-testid': 'sheet-changed' },
        notice(
          'warning',
          h('p', {}, 'The sheet changed since this check: the marks on the sheet are up to date, this list and these counts may not be.'),
          button('Check again', () => void runCheck(), { 'data-testid': 'recheck' }),
        ),
      ),
  );
}

function entry(p: ProblemView): HTMLElement {
  const suggestion = p.suggestion;
  return h(
    'li',
    { class: `problem problem-${p.severity}` },
    h(
      'button',
      {
        type: 'button',
        class: 'jump',
        'data-testid': `problem-${p.cell}`,
        title: `Select ${p.cell} in the sheet`,
        onclick: (e: Event) => void jump(p.cell, (e as MouseEvent).detail > 0),
      },
      h('span', { class: 'cell' }, p.cell),
      ' — ',
      h('span', { class: 'message' }, p.message),
      p.fix && h('span', { class: 'hint' }, p.fix),
    ),
    suggestion !== null &&
      button(
        [isGuess(p.severity) ? 'Did you mean ‘' : 'Fix: use ‘', h('span', { class: 'suggestion' }, suggestion), isGuess(p.severity) ? '’? Use it' : '’'],
        () => void fixCell(p.cell),
        {
          kind: 'link',
          class: 'fix',
          'data-testid': `fix-${p.cell}`,
          disabled: isBusy('fix', 'undo'),
          title: `Replace the value of ${p.cell} with “${suggestion}”`,
        },
      ),
  );
}

function group(v: CheckView, g: CheckView['byCode'][number]): HTMLElement | null {
  const filter = state.filter;
  const shown = v.problems.filter((p) => p.code === g.code && (!filter.column || p.column === filter.column));
  if (filter.column && !shown.length) return null;
  // Narrowed to a column, the rest of the kind is elsewhere: the count is of those listed.
  const hidden = filter.column ? 0 : g.count - shown.length;
  return h(
    'details',
    {
      class: 'group',
      open: state.openGroups.has(g.code) || !!filter.code || !!filter.column,
      // The page already shows the group opened or closed: recorded without a render.
      ontoggle: (e: Event) => record({ type: 'groupToggled', code: g.code, open: (e.target as HTMLDetailsElement).open }),
    },
    h(
      'summary',
      { 'data-testid': `group-${g.code}` },
      severityIcon(g.severity),
      h('span', { class: 'group-title' }, g.title),
      h('span', { class: 'count' }, (filter.column ? shown.length : g.count).toLocaleString()),
    ),
    g.fixable > 0 &&
      !isGuess(g.severity) &&
      h(
        'div',
        { class: 'group-actions' },
        button(`Fix all ${g.fixable.toLocaleString()}`, () => void fix([{ sheetName: state.sheetName, cell: null, code: g.code }]), {
          'data-testid': `fix-all-${g.code}`,
          disabled: isBusy('fix', 'undo'),
        }),
      ),
    h('ul', { class: 'problems' }, shown.map(entry)),
    hidden > 0 && h('p', { class: 'muted small more' }, `${plural(hidden, 'more problem')} of this kind marked on the sheet.`),
  );
}

async function copyBlocked(): Promise<void> {
  const sheetName = state.sheetName;
  const copied = await perform('copy-blocked', 'list', () => call('copyBlockedRows', sheetName));
  if (copied) announce(`${plural(copied.count, 'blocked line')} copied to the new sheet ‘${copied.sheetName}’, each with the reason it is blocked.`, 'success');
}

async function exportAll(): Promise<void> {
  const sheetName = state.sheetName;
  const exported = await perform('export', 'list', () => call('exportProblems', sheetName));
  if (exported) announce(`${plural(exported.count, 'problem')} copied to the new sheet ‘${exported.sheetName}’.`, 'success');
}

/** Narrow the list by kind or column, or take every problem to a sheet of its own. */
function tools(v: CheckView): HTMLElement {
  const columns = [...new Map(v.problems.map((p) => [p.column, p.field ? `${p.column} · ${fieldLabel(p.field)}` : p.column])).entries()].sort(
    ([a], [b]) => a.length - b.length || a.localeCompare(b),
  );
  const total = v.errors + v.warnings;
  const filter = state.filter;
  const choose = (by: 'code' | 'column') => (e: Event) => dispatch({ type: 'problemsFiltered', by, value: (e.target as HTMLSelectElement).value });
  return h(
    'div',
    { class: 'list-tools' },
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'filter-code' }, 'Kind'),
      h(
        'select',
        { id: 'filter-code', 'data-testid': 'filter-code', onchange: choose('code') },
        h('option', { value: '', selected: !filter.code }, 'All kinds'),
        v.byCode.map((g) => h('option', { value: g.code, selected: filter.code === g.code }, `${g.title} (${g.count.toLocaleString()})`)),
      ),
      h('label', { for: 'filter-column' }, 'Column'),
      h(
        'select',
        { id: 'filter-column', 'data-testid': 'filter-column', onchange: choose('column') },
        h('option', { value: '', selected: !filter.column }, 'All columns'),
        columns.map(([column, label]) => h('option', { value: column, selected: filter.column === column }, label)),
      ),
    ),
    h(
      'div',
      { class: 'copy-links' },
      button(isBusy('export') ? 'Copying…' : `Copy all ${plural(total, 'problem')} to a new sheet`, () => void exportAll(), {
        kind: 'link',
        'data-testid': 'export-problems',
        disabled: isBusy('export', 'copy-blocked'),
      }),
      v.blockedRows > 0 &&
        button(isBusy('copy-blocked') ? 'Copying…' : `Copy the ${plural(v.blockedRows, 'blocked line')} to a new sheet`, () => void copyBlocked(), {
          kind: 'link',
          'data-testid': 'copy-blocked',
          disabled: isBusy('export', 'copy-blocked'),
        }),
    ),
  );
}

function problems(v: CheckView): Child {
  if (!v.byCode.length) return null;
  return h(
    'div',
    { class: 'problem-list', 'data-testid': 'problem-list' },
    review(v),
    tools(v),
    v.truncated && h('p', { class: 'muted small' }, `Showing the first ${v.problems.length.toLocaleString()} problems; all are marked on the sheet, and the copy holds them all.`),
    v.byCode.filter((g) => !state.filter.code || g.code === state.filter.code).map((g) => group(v, g)),
  );
}

/** The Check button is in the action bar; this section shows what the last check found. */
export function renderProblems(): HTMLElement {
  const v = state.check;
  return h(
    'section',
    { class: `card${state.sheetChanged ? ' stale' : ''}`, 'aria-labelledby': 'check-title' },
    h('h2', { id: 'check-title' }, '2. Check'),
    v
      ? [summary(v), undoNotice(), areaError('list'), problems(v)]
      : h('p', { class: 'muted small' }, isBusy('check') ? 'Checking every line…' : 'Checks every line and marks the cells to fix on the sheet.'),
  );
}
