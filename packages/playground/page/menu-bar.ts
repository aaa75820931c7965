/**
 * The menu bar: add-on menus under Extensions (Extensions > Upflow import > Open, …), other
 * menus the script made in their own place. Picking an item runs its function in the add-on.
 */
import type { MenuItemView, MenuView } from '../view-types';
import { el } from './dom';

export class MenuBar {
  private shown = '';

  constructor(
    private readonly bar: HTMLElement,
    private readonly run: (functionName: string) => void,
  ) {
    document.addEventListener('mousedown', (e) => {
      if (!(e.target instanceof Node) || !bar.contains(e.target)) this.closeAll();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closeAll();
    });
  }

  render(menus: MenuView[]): void {
    const key = JSON.stringify(menus);
    if (key === this.shown) return;
    this.shown = key;
    const addOns = menus.filter((m) => m.addon);
    const extensions: MenuItemView[] = addOns.map((m) => ({ kind: 'submenu', caption: m.caption, items: m.items }));
    const tops = [{ caption: 'Extensions', items: extensions }, ...menus.filter((m) => !m.addon)];
    this.bar.replaceChildren(...tops.map((m) => this.topMenu(m.caption, m.items)));
  }

  private topMenu(caption: string, items: MenuItemView[]): HTMLElement {
    const list = this.list(items);
    const button = el('button', { type: 'button', class: 'menu-top', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'data-testid': `menu-${caption}` }, caption);
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      this.closeAll();
      this.setOpen(button, list, open);
    });
    return el('div', { class: 'menu' }, button, list);
  }

  private list(items: MenuItemView[]): HTMLElement {
    const list = el('ul', { class: 'menu-list', role: 'menu', hidden: true });
    if (items.length === 0) list.appendChild(el('li', { class: 'menu-empty', role: 'none' }, 'No add-on menu yet'));
    for (const item of items) list.appendChild(this.entry(item));
    return list;
  }

  private entry(item: MenuItemView): HTMLElement {
    if (item.kind === 'separator') return el('li', { class: 'menu-separator', role: 'separator' });
    if (item.kind === 'item') {
      const button = el('button', { type: 'button', role: 'menuitem', class: 'menu-item', 'data-testid': `menu-item-${item.functionName}` }, item.caption);
      button.addEventListener('click', () => {
        this.closeAll();
        this.run(item.functionName);
      });
      return el('li', { role: 'none' }, button);
    }
    const sub = this.list(item.items);
    const button = el(
      'button',
      { type: 'button', role: 'menuitem', class: 'menu-item has-sub', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'data-testid': `submenu-${item.caption}` },
      item.caption,
    );
    // Hovering opens it already: a click must not close it again.
    button.addEventListener('click', () => this.setOpen(button, sub, true));
    button.addEventListener('mouseenter', () => this.setOpen(button, sub, true));
    return el('li', { role: 'none', class: 'has-sub' }, button, sub);
  }

  private setOpen(button: HTMLElement, list: HTMLElement, open: boolean): void {
    button.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
  }

  private closeAll(): void {
    for (const button of this.bar.querySelectorAll('[aria-expanded="true"]')) button.setAttribute('aria-expanded', 'false');
    for (const list of this.bar.querySelectorAll<HTMLElement>('.menu-list')) list.hidden = true;
  }
}
