import type { SidebarState } from '../src/shared/api';
import { isMailAddress } from '../src/engine/email-address';
import { isPlaygroundUrl } from '../src/engine/environments';
import { isSlackWebhook } from '../src/engine/slack-webhook';
import type { Draft, FieldProblem } from './state';

/**
 * Every field of the settings form that can't be saved as typed, in the order of the form. The
 * rules are the server's (src/server/settings.ts), from the same engine modules: said here before
 * Save, all at once, next to each field.
 */
export function settingsProblems(d: Draft, app: Pick<SidebarState, 'user' | 'settings'>): FieldProblem[] {
  const found: FieldProblem[] = [];
  if (d.environment === 'custom' && !isPlaygroundUrl(d.apiBaseUrl)) {
    found.push({ id: 'set-url', message: 'A custom address is for the local playground only: enter its http://127.0.0.1:… address, or choose Production or Upflow sandbox.' });
  }
  const email = d.notifyEmailAddress.trim();
  if (d.notifyEmail && email && !isMailAddress(email)) found.push({ id: 'set-email', message: `"${email}" is not an email address.` });
  else if (d.notifyEmail && !email && !app.user) found.push({ id: 'set-email', message: 'Enter the email address to notify, or untick email notifications.' });
  const slack = d.slackWebhookUrl.trim();
  if (d.notifySlack && slack && !isSlackWebhook(slack))
    found.push({ id: 'set-slack', message: 'The Slack address must be an incoming webhook, starting with https://hooks.slack.com/services/.' });
  else if (d.notifySlack && !slack && !app.settings.hasSlackWebhook) found.push({ id: 'set-slack', message: 'Paste the Slack webhook URL, or untick Slack notifications.' });
  return found;
}
