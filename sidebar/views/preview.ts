import type { PreviewView } from '../../src/shared/api';
import { fieldLabel } from '../catalog';
import { h, type Child } from '../dom';
import { plural } from '../format';
import { call } from '../rpc';
import { IMPORT_RIGHTS } from '../../src/engine/source-system';
import { dispatch, isBusy, perform, state } from '../store';
import { chip, notice } from '../ui';
import { runCheck } from './problems';

const OUTCOME: Record<string, [label: string, tone: string]> = { create: ['new', 'success'], update: ['update', 'info'], unchanged: ['unchanged', 'neutral'] };
const ASSIGN_OUTCOME: Record<string, [label: string, tone: string]> = {
  create: ['not found', 'warning'],
  update: ['matched', 'info'],
  unchanged: ['matched, unchanged', 'neutral'],
};

/**
 * The preview reads the sheet again: when its counts differ from the list's, the sheet moved on
 * since the check, so the check runs again and both come from the same moment.
 */
export async function preview(): Promise<void> {
  const sheetName = state.sheetName;
  const p = await perform(
    'preview',
    'preview',
    () => call('previewImport', sheetName),
    () => void preview(),
    { kind: 'preview' },
  );
  if (!p || state.sheetName !== sheetName) return;
  const v = state.check;
  // Lines whose customer Upflow's list cannot name pass the check: only the preview knows them.
  if (v && (v.readyRows !== p.readyRows + p.unmatchedRows || v.blockedRows !== p.blockedRows - p.unmatchedRows)) {
    await runCheck();
    if (state.sheetName !== sheetName || state.errors.check) return;
  }
  dispatch({ type: 'previewReady', preview: p });
}

const td = (n: number) => h('td', { class: n ? '' : 'zero' }, n.toLocaleString());

function counts(p: PreviewView): HTMLElement {
  // Assign only matches customers Upflow already has, by External ID: none is created.
  if (p.mode === 'assign') {
    const c = p.customers;
    return h(
      'table',
      { class: 'counts', 'data-testid': 'preview-counts' },
      h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'Matched'), h('th', { scope: 'col' }, 'Not found'))),
      h('tbody', {}, h('tr', {}, h('th', { scope: 'row' }, 'Customers'), td(c.update + c.unchanged), td(c.create))),
    );
  }
  const cells = (c: PreviewView['customers']) => [c.create, c.update, c.unchanged].map(td);
  const contacts = p.contacts.create + p.contacts.update + p.contacts.unchanged > 0;
  return h(
    'table',
    { class: 'counts', 'data-testid': 'preview-counts' },
    h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'New'), h('th', { scope: 'col' }, 'Updated'), h('th', { scope: 'col' }, 'Unchanged'))),
    h('tbody', {}, h('tr', {}, h('th', { scope: 'row' }, 'Customers'), cells(p.customers)), contacts && h('tr', {}, h('th', { scope: 'row' }, 'Contacts'), cells(p.contacts))),
  );
}

/** Customers and contacts the import would create or change (Assign only changes matched customers): zero means there is nothing to send. */
export const toSend = (p: PreviewView): number => (p.mode === 'assign' ? p.customers.update : p.customers.create + p.customers.update + p.contacts.create + p.contacts.update);

/** Why some lines will not be sent although the check let them through. */
function unmatched(p: PreviewView): Child {
  const n = p.unmatchedRows;
  if (!n) return null;
  const why =
    p.mode === 'assign'
      ? `Upflow holds no customer with ${n === 1 ? 'its' : 'their'} External ID`
      : `Upflow's customer list cannot tell which customer ${n === 1 ? 'it names' : 'they name'}`;
  return notice('warning', h('p', { 'data-testid': 'preview-unmatched' }, `${plural(n, 'line')} will be skipped: ${why} (see below).`));
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
        const [label, tone] = (p.mode === 'assign' ? ASSIGN_OUTCOME : OUTCOME)[c.outcome] ?? [c.outcome, 'neutral'];
        return h(
          'li',
          {},
          h('div', { class: 'change-head' }, h('strong', {}, c.customer), chip(label, tone)),
          c.rows.length > 0 && h('div', { class: 'muted small' }, `${c.rows.length === 1 ? 'Line' : 'Lines'} ${c.rows.join(', ')}`),
          c.changes.length > 0 &&
            h(
              'ul',
              { class: 'diffs' },
              c.changes.map((d) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'diff-field' }, `${fieldLabel(d.field)}: `),
                  d.from !== null && [h('del', {}, d.from || '(empty)'), ' → '],
                  h('ins', {}, d.to || '(empty)'),
                ),
              ),
            ),
        );
      }),
    ),
    p.changesTotal > p.changes.length && h('p', { class: 'muted small' }, `…and ${(p.changesTotal - p.changes.length).toLocaleString()} more customers.`),
  );
}

function previewPanel(p: PreviewView): HTMLElement {
  return h(
    'div',
    { class: 'preview', 'data-testid': 'preview' },
    counts(p),
    p.mode === 'assign' &&
      notice(
        'info',
        h(
          'p',
          {},
          'Assign customers: only account managers and workflows are sent, to the customers Upflow finds by External ID. Their details stay as your source system keeps them.',
        ),
      ),
    p.dropped.map((d) => notice('warning', h('p', {}, d))),
    p.blockedRows > p.unmatchedRows && notice('warning', h('p', {}, `${plural(p.blockedRows - p.unmatchedRows, 'line')} with errors will be skipped.`)),
    unmatched(p),
    p.notices.length > 0 &&
      notice(
        'warning',
        h(
          'ul',
          { class: 'notices', 'data-testid': 'preview-notices' },
          p.notices.map((n) => h('li', {}, n)),
        ),
      ),
    toSend(p) === 0 &&
      p.unmatchedRows === 0 &&
      notice('info', h('p', { 'data-testid': 'nothing-to-send' }, 'Nothing to send: Upflow already holds every customer of this sheet as it is.')),
    changes(p),
  );
}

/** Upflow's "Assign customers": the source system chosen in settings keeps customer details. */
export const assignOnly = (): boolean => !IMPORT_RIGHTS[state.app?.settings.sourceSystem ?? 'API'].customerDetails;

/** Preview and Import are in the action bar; this section shows what the import would do. */
export function renderImportStep(): HTMLElement {
  const p = state.preview;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, assignOnly() ? '3. Assign customers' : '3. Import'),
    p && p.sheetName === state.sheetName
      ? previewPanel(p)
      : h(
          'p',
          { class: 'muted small' },
          isBusy('preview') ? 'Reading what Upflow already holds…' : 'Preview tells what the import will create, update or leave unchanged, before anything is sent.',
        ),
  );
}
