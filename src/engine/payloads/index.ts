import { fieldsOfSection, type FieldId } from '../fields';
import type { RowRecord } from '../sheet-input';
import { IMPORT_RIGHTS } from '../source-system';
import { TEMPLATES } from '../templates';
import { firstRow, groupLines } from './identity';
import { buildRequest, type CustomerLinesMerged } from './request';
import { mergeLines } from './merge';
import { levels, linkParents, type ParentLink } from './parents';
import { Reporter } from './report';
import { modeFor, sending } from './rights';
import type { CustomerRequest, ImportPlan, PayloadOptions } from './types';

/** The problems the import plan reports from here, each with the heading the sidebar groups it under. */
export const PLAN_PROBLEMS = {
  CUSTOMER_NAME_NEEDED: 'Customer names needed',
} as const;

export type { CustomerRequest, ImportRequest, ImportPlan, PayloadOptions } from './types';
export { changePath, compareWithUpflow, type Change } from './compare';

const CUSTOMER_FIELDS: FieldId[] = [...fieldsOfSection('customer'), ...fieldsOfSection('group'), ...fieldsOfSection('assignment')];

/** Turns the validated lines into the requests of an import, groups before their subsidiaries. */
export function buildImportPlan(records: RowRecord[], options: PayloadOptions): ImportPlan {
  const report = new Reporter(options.fieldColumns, options.firstColumn);
  const rights = IMPORT_RIGHTS[options.sourceSystem];
  const mode = modeFor(options.template, options.sourceSystem);
  const sorted = [...records].sort((a, b) => a.row - b.row);
  const usable = sorted.filter((r) => !r.blocked).map((r) => onlyTemplateFields(r, options));
  const skipped = new Set(sorted.filter((r) => r.blocked).map((r) => r.row));
  const plan = (requests: CustomerRequest[]): ImportPlan => ({ requests, skippedRows: [...skipped].sort((a, b) => a - b), problems: report.problems });

  const grouped = groupLines(usable, mode, report);
  for (const row of grouped.refused) skipped.add(row);
  const customers: CustomerLinesMerged[] = [];
  for (const group of grouped.groups) {
    const merged = mergeLines(group.lines, CUSTOMER_FIELDS, report);
    if (mode === 'import' && merged.values.customerName === undefined) {
      for (const line of group.lines) skipped.add(line.row);
      report.error(firstRow(group), 'customerName', {
        code: 'CUSTOMER_NAME_NEEDED',
        message: 'Upflow needs a name to import a customer, and no line of this customer gives one.',
        fix: 'Fill in the Customer name on its line.',
      });
    } else customers.push({ ...group, merged });
  }

  // Groups only matter when details are sent; an assignment never changes them.
  const { links, refused } = mode === 'import' ? linkParents(customers, report) : { links: new Map<string, ParentLink>(), refused: new Set<string>() };
  const depth = levels(links);
  const requests: CustomerRequest[] = [];
  for (const customer of customers) {
    if (refused.has(customer.key)) {
      for (const line of customer.lines) skipped.add(line.row);
      continue;
    }
    const link = links.get(customer.key) ?? { parentKey: null, parentExternalId: null, parentName: null };
    requests.push(buildRequest(customer, link, depth.get(customer.key) ?? 0, mode, sending(mode, rights), options, report));
  }
  // Stable sort: within a level, requests keep the order of their first line in the sheet.
  requests.sort((a, b) => a.level - b.level);
  return plan(requests);
}

/** A column mapped outside the chosen template is not part of what the user asked to import. */
function onlyTemplateFields(record: RowRecord, options: PayloadOptions): RowRecord {
  const offered = new Set<string>(TEMPLATES[options.template].fields);
  return { ...record, values: Object.fromEntries(Object.entries(record.values).filter(([id]) => offered.has(id))) };
}
