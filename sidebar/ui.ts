import { h, srOnly, type Attrs, type Child } from './dom';
import { explain } from './failure';
import type { Area } from './state';
import { dispatch, state } from './store';

/** Buttons are real <button>s: Tab, Enter and Space work without extra code. */
export function button(label: Child, onClick: () => void, attrs: Attrs & { kind?: 'action' | 'secondary' | 'link' | 'danger' } = {}): HTMLButtonElement {
  const { kind = 'secondary', class: extra, ...rest } = attrs;
  return h('button', { type: 'button', class: `btn ${kind}${extra ? ` ${String(extra)}` : ''}`, ...rest, onclick: onClick }, label);
}

export const spinner = (label = 'Working…'): HTMLSpanElement => h('span', { class: 'spinner', role: 'img', 'aria-label': label });

/** A coloured box for one message; `role=alert` is avoided because the status region already announces. */
export function notice(tone: 'error' | 'warning' | 'info' | 'success', ...children: Child[]): HTMLDivElement {
  return h('div', { class: `notice notice-${tone}` }, h('span', { class: `icon icon-${tone}`, 'aria-hidden': 'true' }), h('div', { class: 'notice-body' }, ...children));
}

/** The last failure of an area, with a retry when the action can simply be run again. */
export function areaError(area: Area): HTMLDivElement | null {
  const failure = state.errors[area];
  if (!failure) return null;
  const retry = failure.retry && button('Try again', failure.retry, { 'data-focus': `retry-${area}` });
  if (!failure.attempt) return h('div', { 'data-testid': `error-${area}` }, notice('error', h('p', {}, failure.error.message), retry));
  const e = explain(failure.error, failure.attempt);
  return h(
    'div',
    { 'data-testid': `error-${area}` },
    notice(
      'error',
      h('p', {}, h('strong', {}, e.what)),
      h('p', { 'data-testid': `error-${area}-sent` }, e.sent),
      e.next && h('p', {}, e.next),
      e.reason && h('p', { class: 'small' }, `Upflow said: “${e.reason}”`),
      (retry || e.toSettings) &&
        h(
          'div',
          { class: 'toolbar' },
          retry,
          e.toSettings && button('Open Settings', () => dispatch({ type: 'viewChosen', view: 'settings' }), { 'data-focus': `settings-${area}` }),
        ),
    ),
  );
}

export const severityIcon = (severity: 'error' | 'warning'): HTMLSpanElement => h('span', { class: `icon icon-${severity}` }, srOnly(severity === 'error' ? 'Error' : 'Warning'));

export const chip = (text: string, tone: string): HTMLSpanElement => h('span', { class: `chip chip-${tone}` }, text);

export function loading(text: string): HTMLDivElement {
  return h('div', { class: 'loading' }, spinner(text), h('span', {}, text));
}
