import type { Unmatched } from '../customers/held';
import type { CustomerRequest } from '../payloads/types';
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
  customers
    .slice(0, 3)
    .map((c) => `"${c.name}"${c.externalId ? ` (ID ${c.externalId})` : ''}`)
    .join(', ');

/** Why a line can't be written, when Upflow's list does not name exactly one customer for it. */
export function matchProblem(request: CustomerRequest, match: Unmatched): string {
  if (match.kind === 'missing' && match.upflowId !== undefined) return `${upflowIdMissing(match.upflowId)} ${upflowIdFix.missing}`;
  if (match.kind === 'conflict')
    return `${upflowIdConflict(match.byUpflowId, match.byCustomerId, request.externalId ?? '')} ${upflowIdFix.conflict(match.byUpflowId, match.byCustomerId)}`;
  if (match.kind === 'missing') {
    return 'The customer was not found: Upflow holds no customer with this External ID. Check the External ID: it must be the ID of the customer in your source system.';
  }
  return request.externalId
    ? `Upflow holds ${match.customers.length} customers with the ID "${request.externalId}" (${names(match.customers)}), so this line was not sent. Fix the duplicates in Upflow first.`
    : `Upflow holds ${match.customers.length} customers named "${request.body.name ?? ''}" (${names(match.customers)}), so this line was not sent: it could update the wrong one. Give the line the Customer ID of the right customer.`;
}

/** An Upflow ID Upflow's list does not hold: deleted since the pull, or typed over. Check shows it before any import. */
export const upflowIdMissing = (upflowId: string): string =>
  `Upflow holds no customer with the Upflow ID "${upflowId}" (deleted since the sheet was pulled, or the cell was changed), so this line can't be sent.`;

/** The line's two IDs name two customers: sending it would write one with the other's ID. */
export const upflowIdConflict = (byUpflowId: { name: string }, byCustomerId: { name: string }, externalId: string): string =>
  `The Upflow ID of this line is the customer "${byUpflowId.name}", but its Customer ID "${externalId}" is the customer "${byCustomerId.name}", so this line can't be sent.`;

const UPFLOW_ID_FIX = 'Get customers from Upflow again, or clear the Upflow ID to import the line by its Customer ID or name.';
const conflictFix = (byUpflowId: { name: string; externalId?: string | null }, byCustomerId: { name: string }): string =>
  `Put back the Customer ID the line was pulled with${byUpflowId.externalId ? ` (${byUpflowId.externalId})` : ''}, or clear the Upflow ID to update "${byCustomerId.name}".`;
export const upflowIdFix = { missing: UPFLOW_ID_FIX, conflict: conflictFix };
