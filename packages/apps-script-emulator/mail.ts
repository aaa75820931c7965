import type { ApiSubset } from './api-types';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
}

/** Messages the add-on sent, and the day's remaining recipient quota (100 on consumer accounts). */
export class MailRecorder {
  readonly sent: SentMail[] = [];

  constructor(public remainingQuota = 100) {}
}

type MailOptions = Omit<Partial<SentMail>, 'to' | 'subject' | 'body'> & { attachments?: unknown[] };
type MailMessage = MailOptions & { to?: string; subject?: string; body?: string };

const EMAIL = /^[^\s@,;]+@[^\s@,;]+$/;

function recipients(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

export class EmulatedMailApp implements ApiSubset<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> {
  constructor(
    readonly rt: Runtime,
    readonly recorder: MailRecorder,
  ) {}

  getRemainingDailyQuota(): number {
    return this.recorder.remainingQuota;
  }

  sendEmail(message: MailMessage): void;
  sendEmail(recipient: string, subject: string, body: string, options?: MailOptions): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  sendEmail(first: string | MailMessage, second?: string, third?: string, fourth?: string | MailOptions): void {
    let mail: SentMail;
    if (typeof first === 'object' && first !== null) {
      const { to = '', subject = '', body = '', attachments: _attachments, ...rest } = first;
      mail = { to, subject, body, ...rest };
    } else if (typeof fourth === 'string') {
      mail = { to: first, replyTo: second ?? '', subject: third ?? '', body: fourth };
    } else {
      const { attachments: _attachments, ...rest } = fourth ?? {};
      mail = { to: first, subject: second ?? '', body: third ?? '', ...rest };
    }
    const all = [...recipients(mail.to), ...recipients(mail.cc), ...recipients(mail.bcc)];
    if (all.length === 0) fail('Failed to send email: no recipient');
    const invalid = all.find((r) => !EMAIL.test(r));
    if (invalid) fail(`Invalid email: ${invalid}`);
    if (all.length > this.recorder.remainingQuota) fail('Service invoked too many times for one day: email.');
    this.recorder.remainingQuota -= all.length;
    this.recorder.sent.push(mail);
  }
}
instrument(EmulatedMailApp, 'MailApp');
