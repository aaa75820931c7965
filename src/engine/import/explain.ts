import type { Match } from '../customers/held';
import type { CustomerJob } from '../payloads/types';
import type { ApiResult } from '../upflow/client';

/** Upflow's reasons, completed with the fix a sales person can apply (docs/upflow-api.md). */
const FIXES: Array<[RegExp, string]> = [
  [/account manager not found/i, 'Create a member with this email in Upflow, or correct the email.'],
  [/customer was not found/i, 'Check the External ID: it must be the ID of the customer in your source system.'],
  [/dunning plan not found|workflow not found/i, 'Check the workflow name as displayed in Upflow; look for extra spaces.'],
  [/parent customer was not found/i, 'Import the group first, or check its name and ID.'],
  [/already used by a contact/i, 'Each contact email can belong to one customer only; fix the email or the customer.'],
];

export function explain(result: Extract<ApiResult, { ok: false }>): string {
  const fix = FIXES.find(([pattern]) => pattern.test(result.message))?.[1];
  return fix ? `${result.message}. ${fix}`.replace(/\.\. /, '. ') : result.message;
}

const names = (customers: ReadonlyArray<{ name: string; externalId?: string | null }>) =>
  customers.slice(0, 3).map((c) => `"${c.name}"${c.externalId ? ` (ID ${c.externalId})` : ''}`).join(', ');

/** Why a line can't be written, when Upflow's list does not name exactly one customer for it. */
export function matchProblem(job: CustomerJob, match: Exclude<Match, { kind: 'existing' | 'new' }>): string {
  if (match.kind === 'missing') {
    return 'The customer was not found: Upflow holds no customer with this External ID. Check the External ID: it must be the ID of the customer in your source system.';
  }
  return job.externalId
    ? `Upflow holds ${match.customers.length} customers with the ID "${job.externalId}" (${names(match.customers)}), so this line was not sent. Fix the duplicates in Upflow first.`
    : `Upflow holds ${match.customers.length} customers named "${job.body.name ?? ''}" (${names(match.customers)}), so this line was not sent: it could update the wrong one. Give the line the Customer ID of the right customer.`;
}
