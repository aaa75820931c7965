/** The sheet tabs at the bottom; hidden sheets have none, as in Sheets. */
import type { SheetTab } from '../view-types';
import { el } from './dom';

export function renderTabs(nav: HTMLElement, tabs: SheetTab[], open: (sheet: string) => void): void {
  const key = JSON.stringify(tabs);
  if (nav.dataset.shown === key) return;
  nav.dataset.shown = key;
  nav.replaceChildren(
    ...tabs
      .filter((t) => !t.hidden)
      .map((t) => {
        const button = el(
          'button',
          { type: 'button', class: t.active ? 'tab active' : 'tab', 'aria-current': t.active ? 'page' : undefined, 'data-testid': `tab-${t.name}` },
          t.name,
        );
        button.addEventListener('click', () => open(t.name));
        return button;
      }),
  );
}
