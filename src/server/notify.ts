import type { Job } from './job-store';
import { readSettings, readSlackWebhook } from './settings';

function summary(job: Job): string {
  const parts = [`${job.created} created`, `${job.updated} updated`, `${job.unchanged} unchanged`, `${job.failed} failed`];
  if (job.skipped) parts.push(`${job.skipped} ${job.skipped === 1 ? 'line' : 'lines'} not imported (errors in the sheet)`);
  return parts.join(', ');
}

export function headline(job: Job): string {
  if (job.state === 'cancelled') return `Upflow import of "${job.sheetName}" cancelled`;
  if (job.state === 'failed') return `Upflow import of "${job.sheetName}" stopped`;
  return job.failed || job.skipped ? `Upflow import of "${job.sheetName}" finished with errors` : `Upflow import of "${job.sheetName}" finished`;
}

/**
 * Tells the user the import ended, as they chose in Settings. A notification that can't be
 * sent never fails the import: the sheet and the history already hold the results.
 */
export function notifyEnd(job: Job, spreadsheetUrl: string): string[] {
  const settings = readSettings();
  const problems: string[] = [];
  const text = `${headline(job)}: ${summary(job)}.${job.message ? ` ${job.message}` : ''}`;
  SpreadsheetApp.getActiveSpreadsheet().toast(summary(job), headline(job), 10);
  if (settings.notifyEmail) {
    try {
      MailApp.sendEmail(settings.notifyEmailAddress || job.user, headline(job), `${text}\n\nResults are in the column "Upflow import result" of the sheet, and in the import history:\n${spreadsheetUrl}`);
    } catch (error) {
      problems.push(/too many times for one day: email/i.test(String((error as { message?: unknown } | null)?.message))
        ? "The email was not sent: Google's daily email limit for your account is reached (it resets within 24 hours)."
        : 'The email could not be sent.');
    }
  }
  const webhook = settings.notifySlack ? readSlackWebhook() : null;
  if (webhook) {
    try {
      const response = UrlFetchApp.fetch(webhook, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text: `${text} <${spreadsheetUrl}|Open the spreadsheet>` }), muteHttpExceptions: true });
      if (response.getResponseCode() >= 300) problems.push('Slack did not accept the message; check the webhook in Settings.');
    } catch {
      problems.push('Slack could not be reached.');
    }
  }
  return problems;
}
