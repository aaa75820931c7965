import { buildImportPlan, type ImportPlan } from '../engine/payloads';
import { HeldCustomers } from '../engine/customers/held';
import { previewOf } from '../engine/run/preview';
import type { PreviewView } from '../shared/api';
import { fetchOrganisation, interactiveClient, type Organisation } from './organisation';
import { userError } from './result';
import { readSettings } from './settings';
import { checkSheet, type SheetCheck } from './check-service';
import { findSheet } from './sheet-block';
import { field } from '../engine/fields';

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

export function previewImport(sheetName: string): PreviewView {
  // The user is waiting on the preview: one quick retry, then an answer.
  const client = interactiveClient();
  const { plan, check, org } = planSheet(findSheet(sheetName), fetchOrganisation(client));
  const held = new HeldCustomers(client.listCustomers());
  return {
    sheetName,
    ...previewOf(plan, {
      held,
      org,
      sourceSystem: readSettings().sourceSystem,
      readContacts: (customerId) => client.listContacts(customerId),
      lines: check.result.records.length,
    }),
  };
}
