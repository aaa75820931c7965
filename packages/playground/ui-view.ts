/** What the add-on showed besides cells, for the page: its menus, its sidebar, toasts and alerts. */
import type { AppsScript, MenuEntry } from '@upflow-sheets/apps-script-emulator';
import type { MenuItemView, MenuView, NoticeView, SidebarView } from './view-types';

const KEPT_NOTICES = 20;

export function menusView(app: AppsScript): MenuView[] {
  return app.ui.menus.map((m) => ({ caption: m.caption, addon: m.addon, items: m.items.map(itemView) }));
}

function itemView(entry: MenuEntry): MenuItemView {
  if (entry.kind === 'submenu') return { kind: 'submenu', caption: entry.caption, items: entry.items.map(itemView) };
  return entry.kind === 'item' ? { kind: 'item', caption: entry.caption, functionName: entry.functionName } : { kind: 'separator' };
}

/** Only what the menus offer may be run from the page's menu bar. */
export function menuFunctions(app: AppsScript): Set<string> {
  const names = new Set<string>();
  const walk = (entries: MenuEntry[]): void => {
    for (const e of entries) {
      if (e.kind === 'item') names.add(e.functionName);
      else if (e.kind === 'submenu') walk(e.items);
    }
  };
  for (const menu of app.ui.menus) walk(menu.items);
  return names;
}

export function sidebarView(app: AppsScript): SidebarView | null {
  const last = app.ui.lastSidebar;
  return last ? { seq: app.ui.sidebars.length, title: last.title } : null;
}

/** Toasts and alerts in the order they came, each numbered once, the latest few kept. */
export class NoticeLog {
  private readonly notices: NoticeView[] = [];
  private seenToasts = 0;
  private seenAlerts = 0;
  private seq = 0;

  constructor(private readonly app: AppsScript) {}

  /** Picks up what the add-on showed since the last look. */
  collect(): void {
    const { toasts, alerts } = this.app.ui;
    for (const t of toasts.slice(this.seenToasts)) {
      this.push({ kind: 'toast', title: t.title, message: t.message, timeoutSeconds: t.timeoutSeconds });
    }
    for (const a of alerts.slice(this.seenAlerts)) {
      const answered = a.kind === 'prompt' ? `${a.response}: "${a.responseText}"` : a.response;
      this.push({ kind: 'alert', title: a.title, message: `${a.prompt} (answered ${answered})`, timeoutSeconds: 0 });
    }
    this.seenToasts = toasts.length;
    this.seenAlerts = alerts.length;
  }

  list(): NoticeView[] {
    return [...this.notices];
  }

  private push(notice: Omit<NoticeView, 'seq'>): void {
    this.notices.push({ seq: ++this.seq, ...notice });
    if (this.notices.length > KEPT_NOTICES) this.notices.shift();
  }
}
