import { buildImportPlan, compareWithUpflow, type ImportPlan } from '../engine/payloads';
import { describeChange } from '../engine/run/describe-change';
import { heldContactOf } from '../engine/customers/contacts';
import { HeldCustomers, isUnmatched } from '../engine/customers/held';
import { matchProblem } from '../engine/import/explain';
import { groupIdOf } from '../engine/import/triage';
import type { PreviewView } from '../shared/api';
import { fetchOrganisation, interactiveClient, type Organisation } from './organisation';
import { userError } from './result';
import { readSettings } from './settings';
import { checkSheet, type SheetCheck } from './validation-service';
import { findSheet } from './sheet-block';
import { field } from '../engine/fields';
import { SOURCE_SYSTEM_LABELS } from '../engine/source-system';

export interface PlannedImport {
  check: SheetCheck;
  plan: ImportPlan;
  org: Organisation;
}

/** Checks the sheet and turns its ready lines into the requests for Upflow. */
export function planSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, org: Organisation): PlannedImport {
  const check = checkSheet(sheet.getName());
  if (check.mapping.missingRequired.length) {
    throw userError('MAPPING_INCOMPLETE', `Map a column to ${check.mapping.missingRequired.map((f) => field(f).label).join(', ')} first: it is required.`);
  }
  const plan = buildImportPlan(check.result.records, {
    template: check.mapping.template,
    sourceSystem: readSettings().sourceSystem,
    members: org.members,
    workflows: org.workflows,
    fieldColumns: check.mapping.fieldColumns,
  });
  return { check, plan, org };
}

const PREVIEW_LIMIT = 100;

/** Customers whose contacts the preview reads when Upflow's list does not carry them: one request each. */
const CONTACT_READS = 50;

export function previewImport(sheetName: string): PreviewView {
  // The user is waiting on the preview: one quick retry, then an answer.
  const client = interactiveClient();
  const { plan, check, org } = planSheet(findSheet(sheetName), fetchOrganisation(client));
  const held = new HeldCustomers(client.listCustomers());
  const customers = { create: 0, update: 0, unchanged: 0 };
  const contacts = { create: 0, update: 0, unchanged: 0 };
  const changes: PreviewView['changes'] = [];
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
        existing = { ...existing, contacts: client.listContacts(existing.id) };
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
  const source = SOURCE_SYSTEM_LABELS[readSettings().sourceSystem];
  const dropped = [...new Set(plan.requests.flatMap((j) => j.dropped))].map(
    (part) => `${part[0]!.toUpperCase()}${part.slice(1)} won't be sent: your organisation's source system (${source}) manages them.`,
  );
  const blockedRows = plan.skippedRows.length + refusedRows.size;
  return {
    sheetName,
    mode: plan.requests.some((j) => j.mode === 'import') || plan.requests.length === 0 ? 'import' : 'assign',
    customers,
    contacts,
    changes,
    changesTotal,
    dropped,
    notices: notices.slice(0, PREVIEW_LIMIT),
    blockedRows,
    unmatchedRows: refusedRows.size,
    readyRows: check.result.records.length - blockedRows,
  };
}
