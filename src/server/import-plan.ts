import { buildImportPlan, compareWithUpflow, type Change, type ImportPlan } from '../engine/payloads';
import { existingIndex } from '../engine/import/triage';
import type { PreviewView } from '../shared/api';
import { fetchOrganisation, interactiveClient, type Organisation } from './organisation';
import { userError } from './result';
import { readSettings } from './settings';
import { checkSheet, type SheetCheck } from './validation-service';
import { field } from '../engine/fields';
import { SOURCE_SYSTEM_LABELS } from '../engine/source-system';

export interface PlannedImport {
  check: SheetCheck;
  plan: ImportPlan;
  org: Organisation;
}

/** Checks the sheet and turns its ready lines into the requests for Upflow. */
export function planImport(sheetName: string, org: PlannedImport['org']): PlannedImport {
  const check = checkSheet(sheetName);
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

const LABELS: Record<string, string> = {
  name: 'Customer name', externalId: 'Customer ID', accountingRef: 'Accounting code', vatNumber: 'VAT number',
  'address.address': 'Address', 'address.zipcode': 'Postal code', 'address.city': 'City', 'address.state': 'State',
  'address.country': 'Country', parent: 'Group', accountManagerIds: 'Account manager', dunningPlanId: 'Workflow',
};

/** Changes in the words of the sheet: labels instead of API paths, emails and names instead of ids. */
function humanize(change: Change, org: PlannedImport['org']): Change {
  const contact = /^contacts\[(.+)\](?:\.(\w+))?$/.exec(change.field);
  const label = contact ? `Contact ${contact[1]}${contact[2] ? ` (${contact[2]})` : ''}` : LABELS[change.field] ?? change.field;
  const names = (ids: string | null) => {
    if (ids === null) return null;
    if (change.field === 'accountManagerIds') return ids.split(', ').map((id) => org.members.find((m) => m.id === id)?.email ?? id).join(', ');
    if (change.field === 'dunningPlanId') return org.workflows.find((w) => w.id === ids)?.name ?? ids;
    return ids;
  };
  return { field: label, from: names(change.from), to: names(change.to) ?? change.to };
}

export function previewImport(sheetName: string): PreviewView {
  // The user is waiting on the preview: one quick retry, then an answer.
  const client = interactiveClient();
  const { plan, check, org } = planImport(sheetName, fetchOrganisation(client));
  const find = existingIndex(client.listCustomers());
  const customers = { create: 0, update: 0, unchanged: 0 };
  const contacts = { create: 0, update: 0, unchanged: 0 };
  const changes: PreviewView['changes'] = [];
  let changesTotal = 0;
  for (const job of plan.jobs) {
    const existing = find(job);
    const comparison = compareWithUpflow(job, existing);
    customers[comparison.outcome]++;
    const sentContacts = job.mode === 'import' ? job.body.contacts ?? [] : [];
    for (const contact of sentContacts) {
      const known = existing?.contacts?.find((c) => c.email.toLowerCase() === contact.email.toLowerCase());
      const touched = comparison.changes.some((ch) => ch.field.toLowerCase().includes(contact.email.toLowerCase()));
      contacts[!known ? 'create' : touched ? 'update' : 'unchanged']++;
    }
    if (comparison.outcome !== 'unchanged') changesTotal++;
    if (comparison.outcome !== 'unchanged' && changes.length < PREVIEW_LIMIT) {
      changes.push({ customer: job.body.name ?? job.externalId ?? job.key, rows: job.rows, outcome: comparison.outcome, changes: comparison.changes.map((c) => humanize(c, org)) });
    }
  }
  const source = SOURCE_SYSTEM_LABELS[readSettings().sourceSystem];
  const dropped = [...new Set(plan.jobs.flatMap((j) => j.dropped))].map((part) => `${part[0]!.toUpperCase()}${part.slice(1)} won't be sent: your organisation's source system (${source}) manages them.`);
  return {
    sheetName,
    mode: plan.jobs.some((j) => j.mode === 'import') || plan.jobs.length === 0 ? 'import' : 'assign',
    customers,
    contacts,
    changes,
    changesTotal,
    dropped,
    blockedRows: plan.skippedRows.length,
    readyRows: check.result.records.length - plan.skippedRows.length,
  };
}
