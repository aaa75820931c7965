import type { ConnectionView, NotificationTestView, SettingsInput, SettingsView } from '../../src/shared/api';
import { API_URLS, ENVIRONMENTS, type Environment } from '../../src/engine/environments';
import { SOURCE_SYSTEM_ALLOWS, SOURCE_SYSTEM_LABELS, SOURCE_SYSTEMS } from '../../src/engine/source-system';
import { COUNTRIES } from '../catalog';
import { h, type Child } from '../dom';
import { plural } from '../format';
import { call } from '../rpc';
import { announce } from '../status';
import { settingsProblems } from '../settings-check';
import { refusal, type Draft, type FieldProblem } from '../state';
import { dispatch, isBusy, perform, record, state } from '../store';
import { areaError, button, notice, spinner } from '../ui';

/** The attributes and message that tie a field to its problem, for eyes and screen readers. */
function problemOf(id: FieldProblem['id']) {
  const problem = state.settings.problems.find((p) => p.id === id);
  return {
    attrs: problem ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {},
    message: problem && h('p', { id: `${id}-error`, class: 'field-error', 'data-testid': `${id}-error` }, problem.message),
  };
}

async function save(clear: { clearCredentials?: boolean; clearSlackWebhook?: boolean } = {}): Promise<boolean> {
  const d = state.settings.draft;
  if (!d || !state.app) return false;
  const problems = settingsProblems(d, state.app);
  dispatch({ type: 'settingsChecked', problems });
  if (problems.length) {
    announce(`${refusal(problems)} ${problems.map((p) => p.message).join(' ')}`, 'error');
    return false;
  }
  const input: SettingsInput = {
    ...d,
    apiBaseUrl: d.environment === 'custom' ? d.apiBaseUrl.trim() : API_URLS[d.environment],
    notifyEmailAddress: d.notifyEmailAddress.trim(),
    clearCredentials: clear.clearCredentials ?? false,
    clearSlackWebhook: clear.clearSlackWebhook ?? false,
  };
  const saved = await perform('save-settings', 'settings', () => call('saveSettings', input));
  if (!saved) return false;
  dispatch({ type: 'settingsSaved', settings: saved, newSecrets: Boolean(input.apiKey || input.apiSecret) });
  announce(clear.clearCredentials ? 'Saved credentials removed.' : clear.clearSlackWebhook ? 'Slack webhook removed.' : 'Settings saved.', 'success');
  return true;
}

async function test(): Promise<void> {
  if (state.settings.dirty && !(await save())) return;
  dispatch({ type: 'connectionTestStarted' });
  const result = await perform('test-connection', 'settings', () => call('testConnection'), undefined, { kind: 'connect' });
  if (!result) return;
  dispatch({ type: 'connectionTested', connection: result });
  announce(connectionText(result), 'success');
}

async function testNotification(): Promise<void> {
  if (state.settings.dirty && !(await save())) return;
  dispatch({ type: 'notificationTestStarted' });
  const result = await perform('test-notification', 'settings', () => call('sendTestNotification'));
  if (!result) return;
  dispatch({ type: 'notificationTested', notified: result });
  announce(notificationText(result), result.problems.length ? 'error' : 'success');
}

function notificationText(n: NotificationTestView): string {
  const sent = [n.email && `an email to ${n.email}`, n.slack && 'a message to Slack'].filter(Boolean).join(' and ');
  return [sent && `Test sent: ${sent}. Check that it arrived.`, ...n.problems].filter(Boolean).join(' ');
}

const connectionText = (c: ConnectionView) =>
  `Connected to Upflow: ${plural(c.members, 'member')} (${plural(c.accountManagers, 'account manager')}), ${plural(c.workflows, 'workflow')}.${c.positions.length ? ` Positions: ${c.positions.map((p) => `${p.position} (${p.members.toLocaleString()})`).join(', ')}.` : ''}`;

/** Text fields are recorded without re-rendering, so typing keeps its caret; a choice that shows or hides fields renders. */
function edit<K extends keyof Draft>(key: K, rerender = false) {
  return (e: Event) => {
    const target = e.target as HTMLInputElement;
    const edit = { [key]: target.type === 'checkbox' ? target.checked : target.value } as Partial<Draft>;
    (rerender ? dispatch : record)({ type: 'settingsEdited', edit });
  };
}

function secret(id: string, label: string, saved: boolean, key: 'apiKey' | 'apiSecret' | 'slackWebhookUrl', d: Draft, disabled = false): Child {
  const problem = id === 'set-slack' ? problemOf('set-slack') : { attrs: {}, message: null };
  return h(
    'div',
    { class: 'field' },
    h('div', { class: 'label-row' }, h('label', { for: id }, label), saved && h('span', { class: 'saved' }, 'Saved ✓')),
    h('input', {
      id,
      type: 'password',
      autocomplete: 'new-password',
      spellcheck: 'false',
      value: d[key],
      disabled,
      placeholder: saved ? 'Leave empty to keep' : key === 'slackWebhookUrl' ? 'https://hooks.slack.com/…' : `Paste your ${label}`,
      oninput: edit(key),
      ...problem.attrs,
    }),
    problem.message,
  );
}

/** How each environment reads in the form; the addresses are the engine's (src/engine/environments.ts). */
const ENVIRONMENT_TEXT: Record<Environment, { label: string; note: string }> = {
  production: { label: 'Production', note: API_URLS.production },
  sandbox: { label: 'Upflow sandbox', note: API_URLS.sandbox },
  custom: { label: 'Local playground only', note: 'A sandbox on this computer (npm start); not reachable once deployed' },
};

function connectionFields(s: SettingsView, d: Draft): Child {
  const hasCredentials = s.hasApiKey || s.hasApiSecret;
  return h(
    'fieldset',
    {},
    h('legend', {}, 'Upflow connection'),
    ENVIRONMENTS.map((id) =>
      h(
        'div',
        { class: 'radio' },
        h('input', { type: 'radio', name: 'environment', id: `env-${id}`, value: id, checked: d.environment === id, onchange: edit('environment', true) }),
        h('label', { for: `env-${id}` }, ENVIRONMENT_TEXT[id].label, h('span', { class: 'muted small block' }, ENVIRONMENT_TEXT[id].note)),
      ),
    ),
    d.environment === 'custom' &&
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'set-url' }, 'API URL'),
        h('input', { id: 'set-url', type: 'url', value: d.apiBaseUrl, placeholder: 'http://127.0.0.1:…/v1', oninput: edit('apiBaseUrl'), ...problemOf('set-url').attrs }),
        problemOf('set-url').message,
      ),
    secret('set-key', 'API key', s.hasApiKey, 'apiKey', d),
    secret('set-secret', 'API secret', s.hasApiSecret, 'apiSecret', d),
    h('p', { class: 'muted small' }, 'In Upflow: Settings → Integrations → API. The key and secret are stored for this spreadsheet and never shown again.'),
    hasCredentials &&
      (state.settings.confirmRemove
        ? notice(
            'warning',
            h('p', {}, 'Remove the saved API key and secret? Imports stop working until you enter new ones.'),
            h(
              'div',
              { class: 'toolbar' },
              button('Remove', () => void save({ clearCredentials: true }), { kind: 'danger', 'data-focus': 'confirm-remove' }),
              button('Keep them', () => dispatch({ type: 'credentialsKept' }), { 'data-focus': 'keep-credentials' }),
            ),
          )
        : button('Remove saved credentials', () => dispatch({ type: 'credentialsRemovalAsked' }), { kind: 'link', 'data-focus': 'remove-credentials' })),
  );
}

function importFields(d: Draft): Child {
  const countries = COUNTRIES.some(([c]) => c === d.defaultCountry) ? COUNTRIES : [...COUNTRIES, [d.defaultCountry, d.defaultCountry] as const];
  return h(
    'fieldset',
    {},
    h('legend', {}, 'Your organisation'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'set-source' }, 'Where customer data comes from'),
      h(
        'select',
        { id: 'set-source', 'aria-describedby': 'source-hint', onchange: edit('sourceSystem', true) },
        SOURCE_SYSTEMS.map((id) => h('option', { value: id, selected: id === d.sourceSystem }, SOURCE_SYSTEM_LABELS[id])),
      ),
      h('p', { id: 'source-hint', class: 'muted small' }, SOURCE_SYSTEM_ALLOWS[d.sourceSystem]),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'set-country' }, 'Default country'),
      h(
        'select',
        { id: 'set-country', 'aria-describedby': 'country-hint', onchange: edit('defaultCountry') },
        countries.map(([code, name]) => h('option', { value: code, selected: code === d.defaultCountry }, `${name} (${code})`)),
      ),
      h('p', { id: 'country-hint', class: 'muted small' }, 'Used for lines without a country, to read phone numbers, postal codes and VAT numbers.'),
    ),
  );
}

function notificationFields(s: SettingsView, d: Draft): Child {
  const { notified } = state.settings;
  const own = state.app?.user ?? '';
  const email = problemOf('set-email');
  const testing = isBusy('test-notification');
  return h(
    'fieldset',
    {},
    h('legend', {}, 'When an import ends'),
    h(
      'div',
      { class: 'check' },
      h('input', { type: 'checkbox', id: 'set-notify-email', checked: d.notifyEmail, onchange: edit('notifyEmail', true) }),
      h('label', { for: 'set-notify-email' }, 'Send an email'),
    ),
    d.notifyEmail &&
      h(
        'div',
        { class: 'field indent' },
        h('label', { for: 'set-email' }, 'Email address'),
        h('input', {
          id: 'set-email',
          type: 'email',
          autocomplete: 'email',
          value: d.notifyEmailAddress,
          placeholder: own,
          oninput: edit('notifyEmailAddress'),
          ...email.attrs,
          ...(own && { 'aria-describedby': email.message ? 'set-email-error set-email-hint' : 'set-email-hint' }),
        }),
        email.message,
        own && h('p', { id: 'set-email-hint', class: 'muted small', 'data-testid': 'set-email-hint' }, `Leave empty to use your own: ${own}.`),
      ),
    h(
      'div',
      { class: 'check' },
      h('input', { type: 'checkbox', id: 'set-notify-slack', checked: d.notifySlack, onchange: edit('notifySlack', true) }),
      h('label', { for: 'set-notify-slack' }, 'Post to Slack'),
    ),
    d.notifySlack && h('div', { class: 'indent' }, secret('set-slack', 'Slack webhook URL', s.hasSlackWebhook, 'slackWebhookUrl', d)),
    s.hasSlackWebhook && button('Remove Slack webhook', () => void save({ clearSlackWebhook: true }), { kind: 'link', 'data-focus': 'remove-webhook' }),
    (d.notifyEmail || d.notifySlack) &&
      button(testing ? 'Sending…' : 'Send a test notification', () => void testNotification(), {
        'data-testid': 'test-notification',
        disabled: testing || isBusy('save-settings'),
        title: state.settings.dirty ? 'Saves your changes, then sends the test' : 'Sends the test with the saved settings',
      }),
    notified && h('div', { 'data-testid': 'notification-result' }, notice(notified.problems.length ? 'warning' : 'success', h('p', {}, notificationText(notified)))),
  );
}

export function renderSettings(): HTMLElement[] {
  const d = state.settings.draft;
  if (!state.app || !d) return [];
  const s = state.app.settings;
  const { connection } = state.settings;
  const saving = isBusy('save-settings');
  const testing = isBusy('test-connection');
  return [
    h(
      'form',
      {
        class: 'card settings',
        'data-testid': 'settings-form',
        'aria-label': 'Settings',
        novalidate: true,
        onsubmit: (e: Event) => {
          e.preventDefault();
          void save();
        },
      },
      connectionFields(s, d),
      importFields(d),
      notificationFields(s, d),
      h(
        'div',
        { class: 'toolbar sticky-actions' },
        h('button', { type: 'submit', class: 'btn action', 'data-testid': 'save-settings', disabled: saving }, saving ? 'Saving…' : 'Save'),
        button(testing ? 'Testing…' : 'Test connection', () => void test(), {
          'data-testid': 'test-connection',
          disabled: testing || saving,
          title: state.settings.dirty ? 'Saves your changes, then connects to Upflow' : 'Connects to Upflow with the saved settings',
        }),
        (saving || testing) && spinner(),
      ),
      areaError('settings'),
      connection && notice('success', h('p', {}, connectionText(connection))),
    ),
  ];
}
