/** The add-on's toasts (and alerts, answered by the emulator) in the bottom corner, each shown once. */
import type { NoticeView } from '../view-types';
import { el } from './dom';

/** A toast of a few seconds is gone before anyone reads it in a playground: keep it a little longer. */
const MIN_SECONDS = 6;

export class Notices {
  /** Notices older than the page are not news: only later ones are shown. */
  private lastSeq: number | null = null;

  constructor(private readonly box: HTMLElement) {}

  render(notices: NoticeView[]): void {
    const newest = notices.at(-1)?.seq ?? 0;
    if (this.lastSeq === null) {
      this.lastSeq = newest;
      return;
    }
    for (const n of notices) if (n.seq > this.lastSeq) this.show(n);
    this.lastSeq = Math.max(this.lastSeq, newest);
  }

  private show(n: NoticeView): void {
    const close = el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss' }, '✕');
    const card = el(
      'div',
      { class: `notice notice-${n.kind}`, 'data-testid': n.kind === 'toast' ? 'toast' : 'alert' },
      el('div', { class: 'notice-text' }, n.title ? el('strong', {}, n.title) : null, el('span', {}, n.message)),
      close,
    );
    close.addEventListener('click', () => card.remove());
    this.box.appendChild(card);
    if (n.timeoutSeconds > 0) window.setTimeout(() => card.remove(), Math.max(n.timeoutSeconds, MIN_SECONDS) * 1000);
  }
}
