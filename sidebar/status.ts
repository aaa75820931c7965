/**
 * The one live region: it exists from the first paint and is never re-rendered, so screen
 * readers announce each message exactly once.
 */
type Tone = 'info' | 'success' | 'error' | 'warning';

// The region's text is what was said, not what the sidebar knows: it stays out of sidebar/state.ts.
let region: HTMLElement | null = null;
let clearTimer: number | undefined;
let measure: () => void = () => undefined;

export function mountStatus(el: HTMLElement): void {
  region = el;
  // The action bar sits right above the visible message, never under it (styles.css).
  // An error is only announced there (styles.css hides it off the flow): it takes no room.
  measure = () => document.documentElement.style.setProperty('--status-height', `${getComputedStyle(el).position === 'absolute' ? 0 : el.offsetHeight}px`);
  new ResizeObserver(measure).observe(el, { box: 'border-box' });
}

export function announce(text: string, tone: Tone = 'info'): void {
  if (!region) return;
  window.clearTimeout(clearTimer);
  region.textContent = text;
  region.className = `status status-${tone}`;
  measure();
  // Errors stay until replaced; good news fades so it does not hide the next step.
  if (text && (tone === 'success' || tone === 'info')) clearTimer = window.setTimeout(() => announce(''), 8000);
}
