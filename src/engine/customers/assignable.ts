import type { Member } from '../upflow/schemas';

/**
 * Who can be assigned as account manager, one rule for Check and Import. Upflow assigns members
 * with the Account manager role (its help article); the position strings its API gives are [open]
 * (docs/upflow-api.md) and organisations add their own. So only a position known not to manage
 * accounts blocks; a member without a position or with one we don't know is sent, and Upflow's
 * answer, if it refuses, lands on the line.
 */
const MANAGES = 'ACCOUNT_MANAGER';
/** The one non-manager position seen in Upflow's answers so far (members of the finance team). */
const DOES_NOT_MANAGE = new Set(['FINANCE_USER']);

export type Assignability = 'yes' | 'no' | 'unknown';

export function assignability(member: Pick<Member, 'position'>): Assignability {
  const position = member.position?.trim().toUpperCase();
  if (!position || position === MANAGES) return 'yes';
  return DOES_NOT_MANAGE.has(position) ? 'no' : 'unknown';
}
