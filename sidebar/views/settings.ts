import type { ConnectionView, NotificationTestView, SettingsInput, SettingsView } from '../../src/shared/api';
import { COUNTRIES, ENVIRONMENTS, SOURCE_SYSTEMS } from '../catalog';
import { h, type Child } from '../dom';
import { plural } from '../format';
import { call } from '../rpc';
import { announce } from '../status';
import { isBusy, perform, state, update } from '../state';
import { areaError, button, notice, spinner } from '../ui';

type Draft = Omit<SettingsInput, 'clearCredentials' | 'clearSlackWebhook'>;

/** What the user typed and has not saved yet; secrets live here only until Save. */
let draft: Draft | null = null;
let dirty = false;
let confirmRemove = false;
let connection: ConnectionView | null = null;
let notified: NotificationTestView | null = null;
/** The fields the last Save found invalid, each with its message; all are shown at once. */
let fieldProblems: FieldProblem[] = [];

interface FieldProblem {
  id: 'set-url' | 'set-email' | 'set-slack';
  message: string;
}

const fromView = (s: SettingsView): Draft => ({
  environment: s.environment,
  apiBaseUrl: s.apiBaseUrl,
  apiKey: '',
  apiSecret: '',
  sourceSystem: s.sourceSystem,
  defaultCountry: s.defaultCountry || 'FR',
  notifyEmail: s.notifyEmail,
  notifyEmailAddress: s.notifyEmailAddress,
  notifySlack: s.notifySlack,
  slackWebhookUrl: '',
});

/** Called when the view opens: shows the saved settings unless the user has edits in progress. */
export function resetSettingsDraft(): void {
  if (!dirty && state.app) draft = fromView(state.app.settings);
}

/** The settings a check and a preview depend on. */
const checkedUnder = (s: SettingsView): string => [s.environment, s.apiBaseUrl, s.hasApiKey, s.hasApiSecret, s.sourceSystem, s.defaultCountry].join('\u0001');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The same addresses src/server/settings.ts accepts: Slack's incoming webhooks, or the local sandbox's stand-in.
const SLACK_WEBHOOK = /^(https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/slack\/webhook)$/;

/** Every field that can't be saved as typed, in the order of the form. */
function invalid(d: Draft): FieldProblem[] {
  const found: FieldProblem[] = [];
  // Deployed, Google lets the add-on reach Upflow's own addresses only (src/server/settings.ts).
  if (d.environment === 'custom' && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(d.apiBaseUrl.trim())) {
    found.push({ id: 'set-url', message: 'A custom address is for the local playground only: enter its http://127.0.0.1:… address, or choose Production or Upflow sandbox.' });
  }
  const email = d.notifyEmailAddress.trim();
  if (d.notifyEmail && email && !EMAIL.test(email)) found.push({ id: 'set-email', message: `"${email}" is not an email address.` });
  else if (d.notifyEmail && !email && !state.app?.user) found.push({ id: 'set-email', message: 'Enter the email address to notify, or untick email notifications.' });
  const slack = d.slackWebhookUrl.trim();
  if (d.notifySlack && slack && !SLACK_WEBHOOK.test(slack))
    found.push({ id: 'set-slack', message: 'The Slack address must be an incoming webhook, starting with https://hooks.slack.com/services/.' });
  else if (d.notifySlack && !slack && !state.app?.settings.hasSlackWebhook) found.push({ id: 'set-slack', message: 'Paste the Slack webhook URL, or untick Slack notifications.' });
  return found;
}

/** The attributes and message that tie a field to its problem, for eyes and screen readers. */
function problemOf(id: FieldProblem['id']) {
  const problem = fieldProblems.find((p) => p.id === id);
  return {
    attrs: problem ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {},
    message: problem && h('p', { id: `${id}-error`, class: 'field-error', 'data-testid': `${id}-error` }, problem.message),
  };
}

async function save(clear: { clearCredentials?: boolean; clearSlackWebhook?: boolean } = {}): Promise<boolean> {
  const d = draft;
  if (!d || !state.app) return false;
  fieldProblems = invalid(d);
  const first = fieldProblems[0];
  if (first) {
    const message = fieldProblems.length === 1 ? 'One field needs a fix before saving.' : `${fieldProblems.length} fields need a fix before saving.`;
    state.errors.settings = { error: { code: 'INVALID', message } };
    announce(`${message} ${fieldProblems.map((p) => p.message).join(' ')}`, 'error');
    update({ focus: first.id });
    return false;
  }
  const environmentUrl = ENVIRONMENTS.find((e) => e.id === d.environment)?.url;
  const input: SettingsInput = {
    ...d,
    apiBaseUrl: d.environment === 'custom' ? d.apiBaseUrl.trim() : (environmentUrl ?? d.apiBaseUrl),
    notifyEmailAddress: d.notifyEmailAddress.trim(),
    clearCredentials: clear.clearCredentials ?? false,
    clearSlackWebhook: clear.clearSlackWebhook ?? false,
  };
  const before = state.app.settings;
  const saved = await perform('save-settings', 'settings', () => call('saveSettings', input));
  if (!saved) return false;
  state.app.settings = saved;
  // A check or preview made under other settings (what is sent, against which organisation) no longer holds.
  if (checkedUnder(before) !== checkedUnder(saved) || input.apiKey || input.apiSecret) {
    state.validation = null;
    state.preview = null;
  }
  // Secrets are write-only: forget what was typed as soon as the server has it.
  dirty = false;
  confirmRemove = false;
  connection = null;
  notified = null;
  draft = fromView(saved);
  announce(clear.clearCredentials ? 'Saved credentials removed.' : clear.clearSlackWebhook ? 'Slack webhook removed.' : 'Settings saved.', 'success');
  update();
  return true;
}

async function test(): Promise<void> {
  if (dirty && !(await save())) return;
  connection = null;
  const result = await perform('test-connection', 'settings', () => call('testConnection'), undefined, { kind: 'connect' });
  if (!result) return;
  connection = result;
  announce(connectionText(result), 'success');
  update();
}

async function testNotification(): Promise<void> {
  if (dirty && !(await save())) return;
  notified = null;
  const result = await perform('test-notification', 'settings', () => call('sendTestNotification'));
  if (!result) return;
  notified = result;
  announce(notificationText(result), result.problems.length ? 'error' : 'success');
  update({ focus: 'test-notification' });
}

function notificationText(n: NotificationTestView): string {
  const sent = [n.email && `an email to ${n.email}`, n.slack && 'a message to Slack'].filter(Boolean).join(' and ');
  return [sent && `Test sent: ${sent}. Check that it arrived.`, ...n.problems].filter(Boolean).join(' ');
}

const connectionText = (c: ConnectionView) =>
  `Connected to Upflow: ${plural(c.members, 'member')} (${plural(c.accountManagers, 'account manager')}), ${plural(c.workflows, 'workflow')}.${c.positions.length ? ` Positions: ${c.positions.map((p) => `${p.position} (${p.members.toLocaleString()})`).join(', ')}.` : ''}`;

/** Text fields write to the draft without re-rendering, so typing keeps its caret. */
function edit<K extends keyof Draft>(key: K, rerender = false) {
  return (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (!draft) return;
    (draft as Record<K, unknown>)[key] = target.type === 'checkbox' ? target.checked : target.value;
    dirty = true;
    if (rerender) update();
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

function connectionFields(s: SettingsView, d: Draft): Child {
  const hasCredentials = s.hasApiKey || s.hasApiSecret;
  return h(
    'fieldset',
    {},
    h('legend', {}, 'Upflow connection'),
    ENVIRONMENTS.map((env) =>
      h(
        'div',
        { class: 'radio' },
        h('input', { type: 'radio', name: 'environment', id: `env-${env.id}`, value: env.id, checked: d.environment === env.id, onchange: edit('environment', true) }),
        h('label', { for: `env-${env.id}` }, env.label, env.url && h('span', { class: 'muted small block' }, env.url)),
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
      (confirmRemove
        ? notice(
            'warning',
            h('p', {}, 'Remove the saved API key and secret? Imports stop working until you enter new ones.'),
            h(
              'div',
              { class: 'toolbar' },
              button('Remove', () => void save({ clearCredentials: true }), { kind: 'danger', 'data-focus': 'confirm-remove' }),
              button(
                'Keep them',
                () => {
                  confirmRemove = false;
                  update({ focus: 'remove-credentials' });
                },
                { 'data-focus': 'keep-credentials' },
              ),
            ),
          )
        : button(
            'Remove saved credentials',
            () => {
              confirmRemove = true;
              update({ focus: 'confirm-remove' });
            },
            { kind: 'link', 'data-focus': 'remove-credentials' },
          )),
  );
}

function importFields(d: Draft): Child {
  const source = SOURCE_SYSTEMS.find((x) => x.id === d.sourceSystem);
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
        SOURCE_SYSTEMS.map((x) => h('option', { value: x.id, selected: x.id === d.sourceSystem }, x.label)),
      ),
      h('p', { id: 'source-hint', class: 'muted small' }, source?.allows),
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
        title: dirty ? 'Saves your changes, then sends the test' : 'Sends the test with the saved settings',
      }),
    notified && h('div', { 'data-testid': 'notification-result' }, notice(notified.problems.length ? 'warning' : 'success', h('p', {}, notificationText(notified)))),
  );
}

export function renderSettings(): HTMLElement[] {
  if (!state.app) return [];
  if (!draft) resetSettingsDraft();
  const s = state.app.settings;
  const d = draft!;
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
          title: dirty ? 'Saves your changes, then connects to Upflow' : 'Connects to Upflow with the saved settings',
        }),
        (saving || testing) && spinner(),
      ),
      areaError('settings'),
      connection && notice('success', h('p', {}, connectionText(connection))),
    ),
  ];
}
