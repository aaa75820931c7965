import type { View } from '../src/shared/api';
import { h } from './dom';
import { state } from './store';

const TABS: ReadonlyArray<{ view: View; label: string }> = [
  { view: 'import', label: 'Import' },
  { view: 'history', label: 'History' },
  { view: 'settings', label: 'Settings' },
];

/** Templates and CSV are steps of an import, so the Import tab stays selected on them. */
export const tabOf = (view: View): View => (view === 'templates' || view === 'csv' ? 'import' : view);

/**
 * A WAI-ARIA tablist: one tab stop, arrow keys move between tabs and select them. Built once and
 * updated in place: the panel re-renders whenever an answer lands (a sheet followed, a mapping
 * loaded), and a tab replaced between the press and the release of the mouse would swallow the click.
 */
export function tabBar(select: (view: View, focus: boolean) => void): { element: HTMLElement; refresh: () => void } {
  const move = (e: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.view === tabOf(state.view));
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(TABS[(next + TABS.length) % TABS.length]!.view, true);
  };
  const buttons = TABS.map((t) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${t.view}`,
        'data-testid': `tab-${t.view}`,
        'aria-controls': 'panel',
        class: 'tab',
        // A click on the selected tab from Templates or CSV goes back to the Import view itself.
        onclick: () => select(t.view, false),
      },
      t.label,
    ),
  );
  const refresh = () => {
    const current = tabOf(state.view);
    buttons.forEach((button, i) => {
      const selected = TABS[i]!.view === current;
      button.setAttribute('aria-selected', selected ? 'true' : 'false');
      button.tabIndex = selected ? 0 : -1;
    });
  };
  refresh();
  const element = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Upflow import', onkeydown: (e: Event) => move(e as KeyboardEvent) }, buttons);
  return { element, refresh };
}
