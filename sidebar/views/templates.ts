import type { TemplateView } from '../../src/shared/api';
import { fieldLabel } from '../catalog';
import { h } from '../dom';
import { call } from '../rpc';
import { cancelPull, pull, refreshPulled } from '../pull';
import { openSheet } from '../sheets';
import { announce } from '../status';
import { dispatch, isBusy, perform, state } from '../store';
import { areaError, button } from '../ui';

async function insert(t: TemplateView): Promise<void> {
  const added = await perform(`insert-${t.id}`, 'templates', () => call('insertTemplate', t.id));
  if (!added) return;
  announce(`Sheet ‘${added.sheetName}’ added.`, 'success');
  openSheet(added.sheetName, t.id);
}

function card(t: TemplateView): HTMLElement {
  const busy = isBusy(`insert-${t.id}`);
  return h(
    'li',
    { class: 'template' },
    h('h3', {}, t.label),
    h('p', { class: 'small' }, t.description),
    h(
      'p',
      { class: 'small muted fields' },
      t.fields.map((id, i) => [i ? ', ' : '', t.required.includes(id) ? h('strong', { class: 'required-field', title: 'Required' }, `${fieldLabel(id)}*`) : fieldLabel(id)]),
    ),
    button(busy ? 'Adding…' : 'Insert', () => void insert(t), {
      'data-testid': `insert-template-${t.id}`,
      disabled: busy,
      'aria-label': `Insert the ${t.label} template as a new sheet`,
    }),
  );
}

function progress(): HTMLElement | null {
  const pulling = state.pull;
  if (!pulling || pulling.state !== 'running' || !isBusy('pull')) return null;
  const { read, total, customers } = pulling;
  const percent = total ? Math.round((Math.min(read, total) / total) * 100) : 0;
  return h(
    'div',
    { class: 'job', 'data-testid': 'pull-progress' },
    h(
      'div',
      {
        class: 'bar',
        role: 'progressbar',
        'aria-label': 'Customers read from Upflow',
        'aria-valuemin': 0,
        'aria-valuemax': total ?? 0,
        'aria-valuenow': read,
        'aria-valuetext': total === null ? `${read.toLocaleString()} customers read` : `${read.toLocaleString()} of ${total.toLocaleString()} customers read`,
      },
      h('div', { class: 'fill', style: `width: ${percent}%` }),
    ),
    h(
      'p',
      { class: 'small' },
      `${read.toLocaleString()}${total === null ? '' : ` of ${total.toLocaleString()}`} customers read · ${customers.toLocaleString()} in ‘${pulling.sheetName}’`,
    ),
    h('p', { class: 'small muted' }, 'Keep this sidebar open until the end: closing it pauses the pull; press Get again to resume it.'),
    button(isBusy('pull-cancel') ? 'Cancelling…' : 'Cancel', () => void cancelPull(), { kind: 'danger', 'data-testid': 'pull-cancel', disabled: isBusy('pull-cancel') }),
  );
}

function pullCard(): HTMLElement {
  const busy = isBusy('pull');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'pull-title' },
    h('h2', { id: 'pull-title' }, 'Start from your Upflow customers'),
    h(
      'p',
      { class: 'muted small' },
      'Brings every customer with its contacts, account managers and workflow into a new sheet, laid out like "All of the above". Edit it and import it back: only what you changed is sent.',
    ),
    h(
      'div',
      { class: 'toolbar' },
      button(busy ? 'Getting customers…' : 'Get all customers', () => void pull(false), { kind: 'action', 'data-testid': 'pull-all', disabled: busy }),
      button('Only mine', () => void pull(true), { 'data-testid': 'pull-mine', disabled: busy, 'aria-label': 'Get only the customers I manage' }),
      button(isBusy('refresh') ? 'Refreshing…' : 'Refresh this sheet', () => void refreshPulled(), {
        'data-testid': 'pull-refresh',
        disabled: busy || isBusy('refresh'),
        'aria-label': `Bring Upflow's current values into ‘${state.sheetName}’, keeping your edits and your own columns`,
      }),
    ),
    progress(),
    conflicts(),
  );
}

/** Cells both Upflow and the user changed since the pull: the user's value was kept, Upflow's is shown. */
function conflicts(): HTMLElement | null {
  const refreshed = state.refreshed;
  if (!refreshed?.conflicts.length || refreshed.sheetName !== state.sheetName) return null;
  return h(
    'div',
    { 'data-testid': 'refresh-conflicts' },
    h('p', { class: 'small' }, h('strong', {}, 'Changed in Upflow and here since the pull'), " (your value is kept: import it to send it, or type Upflow's):"),
    h(
      'ul',
      { class: 'small' },
      refreshed.conflicts.map((c) => h('li', {}, `${c.cell} ${c.label}: yours “${c.yours}”, Upflow “${c.upflow}” (was “${c.pulled}”)`)),
    ),
  );
}

export function renderTemplates(): HTMLElement[] {
  return [
    pullCard(),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'templates-title' },
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'templates-title' }, 'Start from a template'),
        button('← Back', () => dispatch({ type: 'viewChosen', view: 'import' }), { kind: 'link', 'data-focus': 'back' }),
      ),
      h('p', { class: 'muted small' }, 'Adds a new sheet with the right headers and a few example lines to replace with yours. * required'),
      areaError('templates'),
      h('ul', { class: 'templates-list', 'data-testid': 'templates-list' }, (state.app?.templates ?? []).map(card)),
    ),
  ];
}
