import type { Credentials } from '../engine/upflow/client';
import { isMailAddress } from '../engine/email-address';
import { API_URLS, apiBaseUrl, isPlaygroundUrl } from '../engine/environments';
import { isSlackWebhook } from '../engine/slack-webhook';
import type { SettingsInput, SettingsView } from '../shared/api';
import { userError } from './result';
import { KEYS, SETTINGS } from './store/keys';
import { read, readAll, remove, writeAll } from './store/store';

/** The settings as the sidebar shows them: secrets only as "is there one". */
export function readSettings(): SettingsView {
  return settingsView(readAll(SETTINGS));
}

function settingsView(p: ReturnType<typeof readAll<typeof SETTINGS>>): SettingsView {
  const environment = p.environment ?? 'production';
  return {
    environment,
    apiBaseUrl: environment === 'custom' ? (p.apiBaseUrl ?? '') : API_URLS[environment],
    hasApiKey: Boolean(p.apiKey),
    hasApiSecret: Boolean(p.apiSecret),
    sourceSystem: p.sourceSystem ?? 'API',
    defaultCountry: p.defaultCountry ?? 'FR',
    notifyEmail: p.notifyEmail ?? false,
    notifyEmailAddress: p.notifyEmailAddress ?? '',
    notifySlack: p.notifySlack ?? false,
    hasSlackWebhook: Boolean(p.slackWebhookUrl),
  };
}

export function saveSettings(input: SettingsInput): SettingsView {
  const baseUrl = apiBaseUrl(input.apiBaseUrl);
  if (input.environment === 'custom' && !isPlaygroundUrl(baseUrl)) {
    throw userError(
      'SETTINGS_URL',
      "Google lets the add-on reach only Upflow's production and sandbox addresses: choose one of them. A custom address (http://127.0.0.1:…) is for the local playground only.",
    );
  }
  const slack = input.slackWebhookUrl.trim();
  if (slack && !isSlackWebhook(slack)) {
    throw userError('SETTINGS_SLACK', 'The Slack address must be an incoming webhook, starting with https://hooks.slack.com/services/.');
  }
  const email = input.notifyEmailAddress.trim();
  if (input.notifyEmail && email && !isMailAddress(email)) {
    throw userError('SETTINGS_EMAIL', `"${email}" is not an email address. Fix it or leave it empty to use your own.`);
  }
  const apiKey = input.apiKey.trim();
  const apiSecret = input.apiSecret.trim();
  writeAll(SETTINGS, {
    environment: input.environment,
    apiBaseUrl: baseUrl,
    sourceSystem: input.sourceSystem,
    defaultCountry: input.defaultCountry.toUpperCase(),
    notifyEmail: input.notifyEmail,
    notifyEmailAddress: email,
    notifySlack: input.notifySlack,
    // An empty secret keeps the one stored; clearing wins over a new one.
    ...(apiKey ? { apiKey } : {}),
    ...(apiSecret ? { apiSecret } : {}),
    ...(slack ? { slackWebhookUrl: slack } : {}),
    ...(input.clearCredentials ? { apiKey: null, apiSecret: null } : {}),
    ...(input.clearSlackWebhook ? { slackWebhookUrl: null } : {}),
  });
  // The organisation read with the old settings may be another one.
  remove(KEYS.organisation);
  return readSettings();
}

export function readCredentials(): Credentials {
  const p = readAll(SETTINGS);
  const settings = settingsView(p);
  const { apiKey, apiSecret } = p;
  if (!apiKey || !apiSecret) {
    throw userError('NOT_CONNECTED', 'Add your Upflow API key and secret in Settings first (Upflow > Settings > API).');
  }
  if (!settings.apiBaseUrl) throw userError('NOT_CONNECTED', 'Choose the Upflow environment in Settings first.');
  return { baseUrl: settings.apiBaseUrl, apiKey, apiSecret };
}

export const readSlackWebhook = (): string | null => read(SETTINGS.slackWebhookUrl);
