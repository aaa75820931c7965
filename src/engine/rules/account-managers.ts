import { assignability } from '../customers/assignable';
import { closest } from '../similarity';
import { emailIssue } from './email';
import { quote } from './messages';
import type { Organisation } from './organisation';
import type { Report } from './report';
import type { Severity } from '../problem';

/**
 * The problems Check reports from here, each with the heading the sidebar groups it under. The
 * import plan reports ACCOUNT_MANAGER_NOT_FOUND too, when it resolves emails (src/engine/payloads/resolve.ts).
 */
export const ACCOUNT_MANAGER_PROBLEMS = {
  ACCOUNT_MANAGER_INVALID: 'Invalid account manager emails',
  ACCOUNT_MANAGER_DUPLICATE: 'Account managers listed twice',
  ACCOUNT_MANAGER_NOT_FOUND: 'Account managers not found',
  ACCOUNT_MANAGER_NOT_MANAGER: 'Members without the Account manager role',
  ACCOUNT_MANAGER_ROLE_UNKNOWN: 'Account managers with a position Upflow may refuse',
} as const;

interface Finding {
  severity: Severity;
  code: keyof typeof ACCOUNT_MANAGER_PROBLEMS;
  message: string;
  fix: string;
  suggestion?: string;
}
interface Outcome {
  value: string;
  findings: Finding[];
}

const NOT_FOUND_FIX = 'Add this person as a member in Upflow with this email address, or correct the email.';

/** Account managers repeat on most lines: each distinct cell is judged once per validation. */
export class AccountManagers {
  private readonly cache = new Map<string, Outcome>();

  constructor(private readonly organisation: Organisation) {}

  /** Checks a list of account manager emails; returns the comma-joined, lower-cased list for the record. */
  check(report: Report, line: number, text: string): string {
    let outcome = this.cache.get(text);
    if (!outcome) {
      outcome = this.judge(text);
      this.cache.set(text, outcome);
    }
    for (const f of outcome.findings) report.add(line, 'accountManagers', f.severity, f.code, f.message, f.fix, f.suggestion);
    return outcome.value;
  }

  private judge(text: string): Outcome {
    const emails = text
      .split(/[,;\n]+/)
      .map((e) => e.trim().toLowerCase())
      .filter((e) => e !== '');
    const unique = [...new Set(emails)];
    const findings: Finding[] = [];
    /** The cell with one email replaced: what the sidebar offers as a one-click fix. */
    const replacing = (email: string, by: string): string => unique.map((e) => (e === email ? by : e)).join(', ');
    if (unique.length < emails.length) {
      findings.push({
        severity: 'warning',
        code: 'ACCOUNT_MANAGER_DUPLICATE',
        message: `Account manager ${quote(text)} lists the same email twice.`,
        fix: 'Apply the suggested list, where each email appears once.',
        suggestion: unique.join(', '),
      });
    }
    for (const email of unique) {
      const issue = emailIssue(email);
      // A "did you mean gmail.com" guess is no use here: the member list below gives a better one.
      if (issue && !issue.warning) {
        findings.push({
          severity: 'error',
          code: 'ACCOUNT_MANAGER_INVALID',
          message: `Account manager ${quote(email)} ${issue.reason}.`,
          fix: `${issue.fix} Separate several account managers with commas.`,
          ...(issue.suggestion ? { suggestion: replacing(email, issue.suggestion) } : {}),
        });
        continue;
      }
      if (!this.organisation.members) continue;
      const member = this.organisation.member(email);
      if (!member) {
        const near = closest(email, this.organisation.members, (m) => m.email.toLowerCase());
        findings.push({
          severity: 'error',
          code: 'ACCOUNT_MANAGER_NOT_FOUND',
          message: `Account manager not found; check the email ${quote(email)}: no member of your Upflow organisation uses it${near ? `. Did you mean ${near.match.email.toLowerCase()}?` : '.'}`,
          fix: NOT_FOUND_FIX,
          ...(near ? { suggestion: replacing(email, near.match.email.toLowerCase()) } : {}),
        });
      } else {
        const who = [member.firstName, member.lastName].filter(Boolean).join(' ') || email;
        const can = assignability(member);
        if (can === 'no') {
          findings.push({
            severity: 'error',
            code: 'ACCOUNT_MANAGER_NOT_MANAGER',
            message: `Account manager ${quote(email)} is ${who}, a member without the Account manager role: only account managers can be assigned to customers.`,
            fix: 'Give this member the Account manager role in Upflow, or use the email of an account manager.',
          });
        } else if (can === 'unknown') {
          findings.push({
            severity: 'warning',
            code: 'ACCOUNT_MANAGER_ROLE_UNKNOWN',
            message: `Account manager ${quote(email)} is ${who}, whose position in Upflow is ${quote(member.position ?? '')}: Upflow assigns members with the Account manager role, so it may refuse this one (the line will then say so).`,
            fix: 'Check in Upflow that this member has the Account manager role.',
          });
        }
      }
    }
    return { value: unique.join(','), findings };
  }
}
