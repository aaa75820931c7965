import type { View } from '../src/shared/api';
import { h } from './dom';
import { follow } from './job';
import { call } from './rpc';
import { renderWhenFree, watchPresses } from './press';
import { mountStatus } from './status';
import { dispatch, onRender, perform, state, takeFocus } from './store';
import { tabBar, tabOf } from './tabs';
import { areaError, loading } from './ui';
import { renderCsv } from './views/csv';
import { loadHistory, renderHistory } from './views/history';
import { renderImport } from './views/import';
import { loadMapping } from './views/mapping';
import { renderSettings } from './views/settings';
import { renderTemplates } from './views/templates';
import { watchSheet } from './watch';

const root = document.getElementById('app')!;
const tabs = tabBar(select);
mountStatus(document.getElementById('status')!);
watchSheet();
watchPresses();
// Closing or reloading the sidebar pauses a running import until it is opened again: ask first.
window.addEventListener('beforeunload', (e) => {
  if (state.job?.state !== 'running' || !state.busy.has('job')) return;
  e.preventDefault();
  e.returnValue = '';
});

function select(view: View, focusTab: boolean): void {
  if (view === 'history') void loadHistory();
  if (view !== state.view) window.scrollTo(0, 0);
  dispatch({ type: 'viewChosen', view, ...(focusTab && { focus: `tab-${tabOf(view)}` }) });
}

async function boot(): Promise<void> {
  const app = await perform(
    'boot',
    'boot',
    () => call('getSidebarState'),
    () => void boot(),
  );
  if (!app) return;
  dispatch({ type: 'opened', app });
  select(app.initialView, false);
  if (state.sheetName) void loadMapping(null);
  // An import the sidebar was driving when it closed goes on by itself: nothing is sent twice.
  if (app.job?.state === 'running') void follow(app.job.id);
}

function content(): HTMLElement[] {
  if (!state.app) {
    return [h('div', { class: 'card boot' }, areaError('boot') ?? loading('Opening your spreadsheet…'))];
  }
  switch (state.view) {
    case 'history':
      return renderHistory();
    case 'settings':
      return renderSettings();
    case 'templates':
      return renderTemplates();
    case 'csv':
      return renderCsv();
    default:
      return renderImport();
  }
}

// Everything is re-rendered from state; these keep the keyboard where the user left it. Where the
// keyboard is, is the page's own (not application state): it lives here, beside the render.
const keyOf = (el: Element | null): string | null => (el instanceof HTMLElement ? (el.dataset.testid ?? el.dataset.focus ?? (el.id || null)) : null);
let pendingFocus: string | null = null;
document.addEventListener('focusin', () => (pendingFocus = null));

function render(): void {
  const active = document.activeElement;
  const requested = takeFocus();
  const key = requested ?? (active && active !== document.body && root.contains(active) ? keyOf(active) : active === document.body ? pendingFocus : null);
  // A job update may land while the user types in a field: keep the caret where it was.
  const caret = active instanceof HTMLInputElement && active.selectionStart !== null ? ([active.selectionStart, active.selectionEnd ?? active.selectionStart] as const) : null;
  pendingFocus = null;
  const panel = h('main', { id: 'panel', role: state.app ? 'tabpanel' : null, 'aria-labelledby': state.app ? `tab-${tabOf(state.view)}` : null }, content());
  // The tab bar stays in the page (sidebar/tabs.ts says why); only the panel is rebuilt.
  if (state.app) tabs.refresh();
  const previous = root.querySelector(':scope > main');
  if (previous && (!state.app || tabs.element.parentNode === root)) previous.replaceWith(panel);
  else root.replaceChildren(...(state.app ? [tabs.element] : []), panel);
  if (!key) return;
  const sel = CSS.escape(key);
  const target = root.querySelector<HTMLElement>(`[data-testid="${sel}"], [data-focus="${sel}"], #${sel}`);
  if (!target) return;
  // A disabled control (its call is in flight) gets the focus back once it is enabled again.
  if ((target as HTMLButtonElement).disabled) {
    pendingFocus = key;
    return;
  }
  target.focus({ preventScroll: !requested });
  if (caret && target instanceof HTMLInputElement) target.setSelectionRange(caret[0], caret[1]);
}

onRender(() => renderWhenFree(render));
void boot();
