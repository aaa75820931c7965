/**
 * What a request may change, from the organisation's source system (the table of the API doc):
 *
 * | source system     | customer details | contacts | account managers and workflows |
 * | API               | yes              | yes      | yes                            |
 * | NATIVE_ACCOUNTING | no               | no       | yes                            |
 * | SALESFORCE_NATIVE | no               | no       | no                             |
 * | SALESFORCE_API    | yes              | no       | no                             |
 *
 * Creating or deleting a customer counts as changing its details.
 * [inferred] A field counts as changed when it is present in the body (even with the stored value):
 * in assign-only organisations the client must send only externalId + managers/workflow fields.
 */
import { ApiError } from '../errors';
import type { SourceSystem } from '../schemas';

export type Right = 'details' | 'contacts' | 'managers';

const RIGHTS: Record<SourceSystem, Record<Right, boolean>> = {
  API: { details: true, contacts: true, managers: true },
  NATIVE_ACCOUNTING: { details: false, contacts: false, managers: true },
  SALESFORCE_NATIVE: { details: false, contacts: false, managers: false },
  SALESFORCE_API: { details: true, contacts: false, managers: false },
};

const MESSAGES: Record<SourceSystem, string> = {
  API: '',
  // Text of Upflow's help article (docs/upflow-api.md, "Upflow's own CSV importer").
  NATIVE_ACCOUNTING:
    'Customer details are managed by your accounting integration; only account managers and workflows can be assigned',
  // [inferred] texts for the two Salesforce cases, in the same style.
  SALESFORCE_NATIVE:
    'Customers are managed by your Salesforce integration; customer details, contacts, account managers and workflows cannot be changed through the API',
  SALESFORCE_API: 'Contacts, account managers and workflows are managed by Salesforce; only customer details can be changed',
};

/** Throws 403 SOURCE_SYSTEM_FORBIDS when one of `needed` is not allowed. */
export function assertAllowed(sourceSystem: SourceSystem, needed: Iterable<Right>): void {
  for (const right of needed) {
    if (!RIGHTS[sourceSystem][right]) throw new ApiError(403, 'SOURCE_SYSTEM_FORBIDS', MESSAGES[sourceSystem]);
  }
}
