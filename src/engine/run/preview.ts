import { heldContactOf } from '../customers/contacts';
import { isUnmatched, type HeldCustomers } from '../customers/held';
import { matchProblem } from '../import/explain';
import { groupIdOf } from '../import/triage';
import { compareWithUpflow, type Change, type ImportPlan } from '../payloads';
import { SOURCE_SYSTEM_LABELS, type SourceSystem } from '../source-system';
import type { Contact, DunningPlan, Member } from '../upflow/schemas';
import { describeChange } from './describe-change';

const PREVIEW_LIMIT = 100;

/** Customers whose contacts the preview reads when Upflow's list does not carry them: one request each. */
const CONTACT_READS = 50;

export interface PreviewContext {
  /** Every customer Upflow holds. */
  held: HeldCustomers;
  org: { members: readonly Member[]; workflows: readonly DunningPlan[] };
  sourceSystem: SourceSystem;
  /** The contacts Upflow holds for a customer (one request). */
  readContacts: (customerId: string) => Contact[];
  /** The sheet's lines under the header. */
  lines: number;
}

/** One customer the import would change, and how, in the sheet's words. */
export interface ChangedCustomer {
  customer: string;
  rows: number[];
  outcome: 'create' | 'update' | 'unchanged';
  changes: Change[];
}

export interface Preview {
  mode: 'import' | 'assign';
  /** In assign mode `create` counts the customers Upflow does not hold: Assign never creates them. */
  customers: { create: number; update: number; unchanged: number };
  contacts: { create: number; update: number; unchanged: number };
  /** The first customers that would change; `changesTotal` counts them all. */
  changes: ChangedCustomer[];
  changesTotal: number;
  /** What the organisation's source system keeps this import from sending, in a sentence each. */
  dropped: string[];
  /** What Upflow's list says about some lines: names it holds several times, look-alike names, IDs it does not hold. */
  notices: string[];
  /** Lines not sent: held back by their errors, or whose customer Upflow's list cannot name (`unmatchedRows`). */
  blockedRows: number;
  unmatchedRows: number;
  readyRows: number;
}

/** What an import of the plan would change in Upflow, counted and field by field, with nothing written. */
export function previewOf(plan: ImportPlan, context: PreviewContext): Preview {
  const { held, org } = context;
  const customers = { create: 0, update: 0, unchanged: 0 };
  const contacts = { create: 0, update: 0, unchanged: 0 };
  const changes: ChangedCustomer[] = [];
  const notices: string[] = [];
  const refusedRows = new Set<number>();
  let changesTotal = 0;
  let contactReads = 0;
  let contactsUnread = 0;
  for (const request of plan.requests) {
    const match = held.match(request);
    if (isUnmatched(match)) {
      for (const row of request.rows) refusedRows.add(row);
      // Assign's "not found" column: a customer it cannot match is counted, never created.
      if (match.kind === 'missing' && request.mode === 'assign') customers.create++;
      notices.push(`Line ${request.rows[0]}: ${matchProblem(request, match)}`);
      continue;
    }
    if (match.kind === 'new' && match.lookAlike[0]) {
      const like = match.lookAlike[0];
      notices.push(
        `Line ${request.rows[0]}: "${request.body.name}" looks like "${like.name}", which Upflow already holds; it will be created as a new customer. To update "${like.name}" instead, give the line its Customer ID${like.externalId ? ` (${like.externalId})` : ''} or its exact name.`,
      );
    }
    if (match.kind === 'new' && request.mode === 'import' && request.externalId && held.sameNameWithoutId(request.body.name)[0]) {
      notices.push(
        `Line ${request.rows[0]}: Upflow already holds a customer named "${request.body.name}" without a Customer ID; this line, with the ID ${request.externalId}, creates a second one.`,
      );
    }
    let existing = match.kind === 'existing' ? match.customer : null;
    const sentContacts = request.mode === 'import' ? (request.body.contacts ?? []) : [];
    if (existing && !existing.contacts && sentContacts.length) {
      if (contactReads < CONTACT_READS) {
        contactReads++;
        existing = { ...existing, contacts: context.readContacts(existing.id) };
      } else contactsUnread++;
    }
    const groupId = request.mode === 'import' && request.parentName ? groupIdOf(request.parentName, held) : undefined;
    const comparison = compareWithUpflow(request, existing, groupId);
    customers[comparison.outcome]++;
    const claimed = new Set<string>();
    for (const contact of sentContacts) {
      const known = existing?.contacts ? heldContactOf(contact, existing.contacts, claimed) : undefined;
      if (known) claimed.add(known.id);
      const touched = comparison.changes.some((ch) => ch.field.startsWith(`contacts[${contact.email ?? ''}]`) || (ch.field === 'mainContact' && ch.to === contact.email));
      contacts[!known ? 'create' : touched ? 'update' : 'unchanged']++;
    }
    if (comparison.outcome !== 'unchanged') changesTotal++;
    if (comparison.outcome !== 'unchanged' && changes.length < PREVIEW_LIMIT) {
      changes.push({
        customer: request.body.name ?? request.externalId ?? request.key,
        rows: request.rows,
        outcome: comparison.outcome,
        changes: comparison.changes.map((c) => describeChange(c, org)),
      });
    }
  }
  if (contactsUnread) notices.push(`Upflow's list does not give contacts: those of ${contactsUnread} more customers are compared when they are sent.`);
  const source = SOURCE_SYSTEM_LABELS[context.sourceSystem];
  const dropped = [...new Set(plan.requests.flatMap((r) => r.dropped))].map(
    (part) => `${part[0]!.toUpperCase()}${part.slice(1)} won't be sent: your organisation's source system (${source}) manages them.`,
  );
  const blockedRows = plan.skippedRows.length + refusedRows.size;
  return {
    mode: plan.requests.some((r) => r.mode === 'import') || plan.requests.length === 0 ? 'import' : 'assign',
    customers,
    contacts,
    changes,
    changesTotal,
    dropped,
    notices: notices.slice(0, PREVIEW_LIMIT),
    blockedRows,
    unmatchedRows: refusedRows.size,
    readyRows: context.lines - blockedRows,
  };
}
