import type { NotificationTestView } from '../shared/api';
import type { RunningImport } from './import-store';
import { readSettings, readSlackWebhook } from './settings';
import { userError } from './result';

function summary(run: RunningImport): string {
  const parts = [`${run.created} created`, `${run.updated} updated`, `${run.unchanged} unchanged`, `${run.failed} failed`];
  if (run.skipped) parts.push(`${run.skipped} ${run.skipped === 1 ? 'line' : 'lines'} not imported (errors in the sheet)`);
  return parts.join(', ');
}

export function headline(run: RunningImport): string {
  if (run.state === 'cancelled') return `Upflow import of "${run.sheetName}" cancelled`;
  if (run.state === 'failed') return `Upflow import of "${run.sheetName}" stopped`;
  return run.failed || run.skipped ? `Upflow import of "${run.sheetName}" finished with errors` : `Upflow import of "${run.sheetName}" finished`;
}

/** Where the email goes: the address in Settings, else the user's own (empty on some accounts). */
const emailTo = (fallback: string): string => readSettings().notifyEmailAddress || fallback;

/** Sends one email; answers what went wrong, in the user's words, or null. */
function sendEmail(to: string, subject: string, body: string): string | null {
  try {
    MailApp.sendEmail(to, subject, body);
    return null;
  } catch (error) {
    return /too many times for one day: email/i.test(String((error as { message?: unknown } | null)?.message))
      ? "The email was not sent: Google's daily email limit for your account is reached (it resets within 24 hours)."
      : 'The email could not be sent.';
  }
}

/** Posts one Slack message; answers what went wrong, in the user's words, or null. The webhook is never echoed. */
function postSlack(webhook: string, text: string): string | null {
  try {
    const response = UrlFetchApp.fetch(webhook, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text }), muteHttpExceptions: true });
    return response.getResponseCode() >= 300 ? 'Slack did not accept the message; check the webhook in Settings.' : null;
  } catch {
    return 'Slack could not be reached.';
  }
}

/**
 * Tells the user the import ended, as they chose in Settings. A notification that can't be
 * sent never fails the import: the sheet and the history already hold the results.
 */
export function notifyEnd(run: RunningImport, spreadsheetUrl: string): string[] {
  const settings = readSettings();
  const problems: string[] = [];
  const text = `${headline(run)}: ${summary(run)}.${run.message ? ` ${run.message}` : ''}`;
  SpreadsheetApp.getActiveSpreadsheet().toast(summary(run), headline(run), 10);
  if (settings.notifyEmail) {
    const problem = sendEmail(
      emailTo(run.user),
      headline(run),
      `${text}\n\nResults are in the column "Upflow import result" of the sheet, and in the import history:\n${spreadsheetUrl}`,
    );
    if (problem) problems.push(problem);
  }
  const webhook = settings.notifySlack ? readSlackWebhook() : null;
  if (webhook) {
    const problem = postSlack(webhook, `${text} <${spreadsheetUrl}|Open the spreadsheet>`);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Sends the notifications chosen in the saved Settings now, so the user sees they arrive before a long import. */
export function sendTestNotification(): NotificationTestView {
  const spreadsheetUrl = SpreadsheetApp.getActiveSpreadsheet().getUrl();
  const settings = readSettings();
  const webhook = settings.notifySlack ? readSlackWebhook() : null;
  if (!settings.notifyEmail && !webhook) {
    throw userError('NOTIFY_NONE', 'Tick "Send an email" or "Post to Slack" (with its webhook) and save, then send the test.');
  }
  const subject = 'Upflow import: test notification';
  const text = 'This is a test from the Upflow importer: when an import ends, its counts arrive here.';
  const problems: string[] = [];
  let email: string | null = null;
  if (settings.notifyEmail) {
    const to = emailTo(Session.getActiveUser().getEmail());
    const problem = to ? sendEmail(to, subject, `${text}\n\n${spreadsheetUrl}`) : 'Google does not give your email address to the add-on: enter the address to notify in Settings.';
    if (problem) problems.push(problem);
    else email = to;
  }
  let slack = false;
  if (webhook) {
    const problem = postSlack(webhook, `${text} <${spreadsheetUrl}|Open the spreadsheet>`);
    if (problem) problems.push(problem);
    else slack = true;
  }
  return { email, slack, problems };
}
