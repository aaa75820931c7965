import { environmentSchema, settingsInputSchema, type SettingsInput, type SettingsView } from '../shared/api';
import { sourceSystemSchema } from '../engine/source-system';
import { userError } from './result';

export const API_URLS = {
  production: 'https://api.upflow.io/v1',
  sandbox: 'https://api.sandbox.upflow.io/v1',
} as const;

/** Keys in the user's properties: secrets never go to document properties, the sheet or a log. */
const KEYS = {
  environment: 'upflow.environment',
  apiBaseUrl: 'upflow.apiBaseUrl',
  apiKey: 'upflow.apiKey',
  apiSecret: 'upflow.apiSecret',
  sourceSystem: 'upflow.sourceSystem',
  defaultCountry: 'upflow.defaultCountry',
  notifyEmail: 'upflow.notifyEmail',
  notifyEmailAddress: 'upflow.notifyEmailAddress',
  notifySlack: 'upflow.notifySlack',
  slackWebhookUrl: 'upflow.slackWebhookUrl',
} as const;

export interface Credentials { baseUrl: string; apiKey: string; apiSecret: string }

const userProps = () => PropertiesService.getUserProperties();

export function readSettings(): SettingsView {
  const p = userProps().getProperties();
  const stored = environmentSchema.safeParse(p[KEYS.environment]);
  const environment = stored.success ? stored.data : 'production';
  const source = sourceSystemSchema.safeParse(p[KEYS.sourceSystem]);
  return {
    environment,
    apiBaseUrl: environment === 'custom' ? p[KEYS.apiBaseUrl] ?? '' : API_URLS[environment],
    hasApiKey: Boolean(p[KEYS.apiKey]),
    hasApiSecret: Boolean(p[KEYS.apiSecret]),
    sourceSystem: source.success ? source.data : 'API',
    defaultCountry: p[KEYS.defaultCountry] ?? 'FR',
    notifyEmail: p[KEYS.notifyEmail] === 'true',
    notifyEmailAddress: p[KEYS.notifyEmailAddress] ?? '',
    notifySlack: p[KEYS.notifySlack] === 'true',
    hasSlackWebhook: Boolean(p[KEYS.slackWebhookUrl]),
  };
}

/**
 * A deployed add-on reaches only the addresses of the manifest's urlFetchWhitelist (appsscript.json:
 * Upflow's production and sandbox APIs), in test deployments too. Any other address can only be the
 * local playground's sandbox (`npm start`), which runs the add-on on this computer.
 */
const PLAYGROUND_URL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/\S*)?$/;
/** Slack's incoming webhooks, or the local sandbox's stand-in for one. */
const SLACK_WEBHOOK = /^(https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/slack\/webhook)$/;

export function saveSettings(raw: unknown): SettingsView {
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) throw userError('SETTINGS_INVALID', 'Some settings are not valid. Check the fields and save again.');
  const input: SettingsInput = parsed.data;
  const baseUrl = input.apiBaseUrl.trim().replace(/\/+$/, '');
  if (input.environment === 'custom' && !PLAYGROUND_URL.test(baseUrl)) {
    throw userError('SETTINGS_URL', 'Google lets the add-on reach only Upflow\'s production and sandbox addresses: choose one of them. A custom address (http://127.0.0.1:…) is for the local playground only.');
  }
  const slack = input.slackWebhookUrl.trim();
  if (slack && !SLACK_WEBHOOK.test(slack)) {
    throw userError('SETTINGS_SLACK', 'The Slack address must be an incoming webhook, starting with https://hooks.slack.com/services/.');
  }
  const email = input.notifyEmailAddress.trim();
  if (input.notifyEmail && email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw userError('SETTINGS_EMAIL', `"${email}" is not an email address. Fix it or leave it empty to use your own.`);
  }
  const store = userProps();
  const values: Record<string, string> = {
    [KEYS.environment]: input.environment,
    [KEYS.apiBaseUrl]: baseUrl,
    [KEYS.sourceSystem]: input.sourceSystem,
    [KEYS.defaultCountry]: input.defaultCountry.toUpperCase(),
    [KEYS.notifyEmail]: String(input.notifyEmail),
    [KEYS.notifyEmailAddress]: email,
    [KEYS.notifySlack]: String(input.notifySlack),
  };
  if (input.apiKey.trim()) values[KEYS.apiKey] = input.apiKey.trim();
  if (input.apiSecret.trim()) values[KEYS.apiSecret] = input.apiSecret.trim();
  if (slack) values[KEYS.slackWebhookUrl] = slack;
  store.setProperties(values);
  if (input.clearCredentials) {
    store.deleteProperty(KEYS.apiKey);
    store.deleteProperty(KEYS.apiSecret);
  }
  if (input.clearSlackWebhook) store.deleteProperty(KEYS.slackWebhookUrl);
  return readSettings();
}

export function readCredentials(): Credentials {
  const p = userProps().getProperties();
  const settings = readSettings();
  const apiKey = p[KEYS.apiKey];
  const apiSecret = p[KEYS.apiSecret];
  if (!apiKey || !apiSecret) {
    throw userError('NOT_CONNECTED', 'Add your Upflow API key and secret in Settings first (Upflow > Settings > API).');
  }
  if (!settings.apiBaseUrl) throw userError('NOT_CONNECTED', 'Choose the Upflow environment in Settings first.');
  return { baseUrl: settings.apiBaseUrl, apiKey, apiSecret };
}

export const readSlackWebhook = (): string | null => userProps().getProperty(KEYS.slackWebhookUrl);

