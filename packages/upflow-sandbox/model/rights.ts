/**
 * What a request may change, from the organisation's source system (the table of the API doc):
 *
 * | source system     | customer details | contacts | account managers | workflows |
 * | API               | yes              | yes      | yes              | yes       |
 * | NATIVE_ACCOUNTING | no               | no       | yes              | yes       |
 * | SALESFORCE_NATIVE | no               | no       | no               | yes       |
 * | SALESFORCE_API    | yes              | no       | no               | yes       |
 *
 * Workflows are not in Upflow's table; Salesforce syncs only the account owner, so they stay
 * assignable (docs/upflow-api.md).
 *
 * Creating or deleting a customer counts as changing its details.
 * [inferred] A field counts as changed when it is present in the body (even with the stored value):
 * in assign-only organisations the client must send only externalId + managers/workflow fields.
 */
import { ApiError } from '../errors';
import type { SourceSystem } from '../schemas';

export type Right = 'details' | 'contacts' | 'managers' | 'workflows';

const RIGHTS: Record<SourceSystem, Record<Right, boolean>> = {
  API: { details: true, contacts: true, managers: true, workflows: true },
  NATIVE_ACCOUNTING: { details: false, contacts: false, managers: true, workflows: true },
  SALESFORCE_NATIVE: { details: false, contacts: false, managers: false, workflows: true },
  SALESFORCE_API: { details: true, contacts: false, managers: false, workflows: true },
};

const MESSAGES: Record<SourceSystem, string> = {
  API: '',
  // Text of Upflow's help article (docs/upflow-api.md, "Upflow's own CSV importer").
  NATIVE_ACCOUNTING: 'Customer details are managed by your accounting integration; only account managers and workflows can be assigned',
  // [inferred] texts for the two Salesforce cases, in the same style.
  SALESFORCE_NATIVE: 'Customers are managed by your Salesforce integration; customer details, contacts and account managers cannot be changed through the API, only workflows',
  SALESFORCE_API: 'Contacts and account managers are managed by Salesforce; only customer details and workflows can be changed',
};

/** Throws 403 SOURCE_SYSTEM_FORBIDS when one of `needed` is not allowed. */
export function assertAllowed(sourceSystem: SourceSystem, needed: Iterable<Right>): void {
  for (const right of needed) {
    if (!RIGHTS[sourceSystem][right]) throw new ApiError(403, 'SOURCE_SYSTEM_FORBIDS', MESSAGES[sourceSystem]);
  }
}
