/**
 * The add-on's sidebar, 300 px wide as in Sheets: each showSidebar() loads the HTML the add-on
 * built into the iframe afresh. The shim inside asks for close() and editor.focus() by message.
 * Closing it removes the frame, as Sheets does: its scripts stop at once, without a beforeunload
 * prompt, and an answer still on its way reaches no one.
 */
import { HOST_MESSAGE } from '../rpc-shim';
import type { SidebarView } from '../view-types';

interface Elements {
  panel: HTMLElement;
  title: HTMLElement;
  /** Replaced by a fresh one at each close. */
  frame: HTMLIFrameElement;
  close: HTMLButtonElement;
}

export class SidebarPanel {
  private loadedSeq = 0;

  constructor(
    private readonly dom: Elements,
    focusEditor: () => void,
  ) {
    dom.close.addEventListener('click', () => this.hide());
    window.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as { type?: unknown; action?: unknown } | null;
      if (e.source !== dom.frame.contentWindow || e.origin !== window.location.origin || data?.type !== HOST_MESSAGE) return;
      if (data.action === 'close') this.hide();
      else if (data.action === 'focus-editor') focusEditor();
    });
  }

  render(sidebar: SidebarView | null): void {
    if (!sidebar || sidebar.seq === this.loadedSeq) return;
    this.loadedSeq = sidebar.seq;
    this.dom.title.textContent = sidebar.title;
    this.dom.frame.src = `/sidebar/${sidebar.seq}`;
    this.dom.panel.hidden = false;
  }

  private hide(): void {
    this.dom.panel.hidden = true;
    const fresh = this.dom.frame.cloneNode(false) as HTMLIFrameElement;
    fresh.removeAttribute('src');
    this.dom.frame.replaceWith(fresh);
    this.dom.frame = fresh;
  }
}
