import type { PreviewView } from '../../src/shared/api';
import { fieldLabel } from '../catalog';
import { h, type Child } from '../dom';
import { plural } from '../format';
import { startImport } from '../job';
import { call } from '../rpc';
import { isBusy, perform, state, update } from '../state';
import { areaError, button, chip, notice, spinner } from '../ui';

const OUTCOME: Record<string, [label: string, tone: string]> = { create: ['new', 'success'], update: ['update', 'info'], unchanged: ['unchanged', 'neutral'] };

async function preview(): Promise<void> {
  const sheetName = state.sheetName;
  const p = await perform('preview', 'preview', () => call('previewImport', sheetName), () => void preview());
  if (p && state.sheetName === sheetName) update({ preview: p });
}

function counts(p: PreviewView): HTMLElement {
  const cells = (c: PreviewView['customers']) => [c.create, c.update, c.unchanged].map((n) => h('td', { class: n ? '' : 'zero' }, n.toLocaleString()));
  const contacts = p.contacts.create + p.contacts.update + p.contacts.unchanged > 0;
  return h(
    'table',
    { class: 'counts' },
    h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'New'), h('th', { scope: 'col' }, 'Updated'), h('th', { scope: 'col' }, 'Unchanged'))),
    h('tbody', {}, h('tr', {}, h('th', { scope: 'row' }, 'Customers'), cells(p.customers)), contacts && h('tr', {}, h('th', { scope: 'row' }, 'Contacts'), cells(p.contacts))),
  );
}

function changes(p: PreviewView): Child {
  if (!p.changes.length) return null;
  return h(
    'details',
    { class: 'group changes' },
    h('summary', { 'data-testid': 'preview-changes' }, h('span', { class: 'group-title' }, 'What will change'), h('span', { class: 'count' }, p.changesTotal.toLocaleString())),
    h(
      'ul',
      { class: 'change-list' },
      p.changes.map((c) => {
        const [label, tone] = OUTCOME[c.outcome] ?? [c.outcome, 'neutral'];
        return h(
          'li',
          {},
          h('div', { class: 'change-head' }, h('strong', {}, c.customer), chip(label, tone)),
          c.rows.length > 0 && h('div', { class: 'muted small' }, `${c.rows.length === 1 ? 'Line' : 'Lines'} ${c.rows.join(', ')}`),
          c.changes.length > 0 &&
            h(
              'ul',
              { class: 'diffs' },
              c.changes.map((d) => h('li', {}, h('span', { class: 'diff-field' }, `${fieldLabel(d.field)}: `), d.from !== null && [h('del', {}, d.from || '(empty)'), ' → '], h('ins', {}, d.to || '(empty)'))),
            ),
        );
      }),
    ),
    p.changesTotal > p.changes.length && h('p', { class: 'muted small' }, `…and ${(p.changesTotal - p.changes.length).toLocaleString()} more customers.`),
  );
}

function previewPanel(p: PreviewView): HTMLElement {
  const starting = isBusy('start');
  const running = state.job?.state === 'running';
  return h(
    'div',
    { class: 'preview', 'data-testid': 'preview' },
    counts(p),
    p.mode === 'assign' && notice('info', h('p', {}, 'Assign customers: only account managers and workflows are sent, to the customers Upflow finds by External ID. Their details stay as your source system keeps them.')),
    p.dropped.map((d) => notice('warning', h('p', {}, d))),
    p.blockedRows > 0 && notice('warning', h('p', {}, `${plural(p.blockedRows, 'line')} with errors will be skipped.`)),
    p.notices.length > 0 && notice('warning', h('ul', { class: 'notices', 'data-testid': 'preview-notices' }, p.notices.map((n) => h('li', {}, n)))),
    changes(p),
    h(
      'div',
      { class: 'toolbar' },
      button(starting ? 'Starting…' : `${p.mode === 'assign' ? 'Assign' : 'Import'} ${plural(p.readyRows, 'line')}`, () => void startImport(false), { kind: 'action', 'data-testid': 'import-button', disabled: starting || running || p.readyRows === 0 }),
      starting && spinner('Starting the import…'),
    ),
    !state.job && areaError('job'),
  );
}

/** Upflow's "Assign customers": the source system keeps customer details, as in settings. */
const assignOnly = (): boolean => ['NATIVE_ACCOUNTING', 'SALESFORCE_NATIVE'].includes(state.app?.settings.sourceSystem ?? 'API');

/** Why the import can't be previewed yet, in the order the user has to act. */
function blocker(): string | null {
  const v = state.validation;
  if (state.mapping?.missingRequired.length) return 'Choose the required columns above first.';
  if (!v) return 'Check the sheet first: the import sends the lines that are ready.';
  if (v.readyRows === 0) return 'No line is ready yet: fix the errors above, then check again.';
  return null;
}

export function renderImportStep(): HTMLElement {
  const why = blocker();
  const busy = isBusy('preview');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, assignOnly() ? '3. Assign customers' : '3. Import'),
    why
      ? h('p', { class: 'muted small' }, why)
      : h(
          'div',
          { class: 'toolbar' },
          button(busy ? 'Preparing preview…' : 'Preview', () => void preview(), {
            kind: state.preview ? 'secondary' : 'action',
            'data-testid': 'preview-button',
            disabled: busy || state.job?.state === 'running',
          }),
          busy && spinner('Preparing the preview…'),
        ),
    areaError('preview'),
    !why && state.preview && previewPanel(state.preview),
  );
}
