import type { HistoryEntry } from '../../src/shared/api';
import { templateLabel } from '../catalog';
import { h } from '../dom';
import { dateTime } from '../format';
import { call } from '../rpc';
import { dispatch, isBusy, perform, state } from '../store';
import { areaError, button, chip, loading } from '../ui';

const STATUS: Record<HistoryEntry['status'], [label: string, tone: string]> = {
  running: ['Running', 'info'],
  success: ['Success', 'success'],
  partial: ['Partial', 'warning'],
  failed: ['Failed', 'error'],
  cancelled: ['Cancelled', 'neutral'],
};

export async function loadHistory(): Promise<void> {
  const entries = await perform(
    'history',
    'history',
    () => call('getHistory'),
    () => void loadHistory(),
  );
  if (entries) dispatch({ type: 'historyLoaded', entries });
}

function counts(e: HistoryEntry): HTMLElement {
  const parts: Array<[number, string, string]> = [
    [e.created, 'created', 'success'],
    [e.updated, 'updated', 'success'],
    [e.unchanged, 'unchanged', 'neutral'],
    [e.failed, 'failed', 'error'],
    [e.skipped, 'skipped', 'warning'],
  ];
  return h(
    'p',
    { class: 'counts-line small' },
    parts.map(([n, label, tone]) => h('span', { class: n ? `count-${tone}` : 'muted' }, h('strong', {}, n.toLocaleString()), ` ${label}`)),
  );
}

function item(e: HistoryEntry): HTMLElement {
  const [label, tone] = STATUS[e.status] ?? [e.status, 'neutral'];
  return h(
    'li',
    { class: 'history-item' },
    h('div', { class: 'history-head' }, h('time', { datetime: e.startedAt, title: e.endedAt ? `Ended ${dateTime(e.endedAt)}` : '' }, dateTime(e.startedAt)), chip(label, tone)),
    h('p', { class: 'history-what' }, h('strong', {}, e.sheet), ` · ${templateLabel(e.template)}`, e.mode === 'assign' ? ' · assignment' : ''),
    counts(e),
    e.location && h('p', { class: 'small muted' }, e.location),
    e.message && h('p', { class: 'small' }, e.message),
    e.user && h('p', { class: 'small muted' }, `By ${e.user}`),
  );
}

export function renderHistory(): HTMLElement[] {
  const entries = state.history;
  const busy = isBusy('history');
  return [
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'history-title' },
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'history-title' }, 'Recent imports'),
        button(busy ? 'Loading…' : 'Refresh', () => void loadHistory(), { kind: 'link', 'data-focus': 'refresh-history', disabled: busy }),
      ),
      areaError('history'),
      !entries && busy && loading('Loading the history…'),
      entries &&
        (entries.length
          ? h('ol', { class: 'history-list', 'data-testid': 'history-list', 'aria-busy': busy ? 'true' : 'false' }, entries.map(item))
          : h(
              'div',
              { 'data-testid': 'history-list' },
              h('p', { class: 'empty' }, 'No import yet. Each import you run from this spreadsheet will be listed here with its results.'),
            )),
    ),
  ];
}
