import { TEMPLATES } from '../templates';
import { buildImportPlan } from '../payloads';
import type { FieldColumns, RowRecord, SheetInput } from '../sheet-input';
import type { Report } from './report';
import type { LineCheckOptions } from './index';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const HELD_BACK_PROBLEMS = {
  CUSTOMER_HELD_BACK: 'Lines held back with their customer',
} as const;

/** A refusal can free or change a customer's other lines only so many times; sheets settle in one or two passes. */
const MAX_PASSES = 8;

/**
 * Check and Import agree by construction: the customers of the sheet are those the import plan
 * forms (src/engine/payloads), and a line the plan would refuse is an error here too, with the
 * plan's own message. Repeated until the plan refuses nothing more, so the plan built from
 * Check's ready lines at import time sends every one of them.
 */
export function settleWithPlan(report: Report, records: RowRecord[], input: SheetInput, columns: FieldColumns, options: LineCheckOptions): void {
  const lineOf = (row: number) => row - input.firstRow;
  const fallbackField = TEMPLATES[options.template].fields.find((id) => columns[id] !== undefined);
  if (fallbackField === undefined) return;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    for (const record of records) record.blocked = report.blockedLines.has(lineOf(record.row));
    const plan = buildImportPlan(records, {
      template: options.template,
      sourceSystem: options.sourceSystem ?? 'API',
      members: options.org?.members ?? [],
      workflows: options.org?.workflows ?? [],
      fieldColumns: columns,
      firstColumn: input.firstColumn ?? 0,
    });
    const fresh = plan.skippedRows.filter((row) => !report.blockedLines.has(lineOf(row)));
    if (fresh.length === 0) return;
    const errors = plan.problems.filter((p) => p.severity === 'error');
    for (const p of errors) {
      // A field the sheet has no column for (the External ID of a Customers sheet) can't hold the mark.
      const field = p.field != null && columns[p.field] !== undefined ? p.field : fallbackField;
      if (fresh.includes(p.row)) report.add(lineOf(p.row), field, 'error', p.code, p.message, p.fix);
    }
    const cause = errors[0]?.row;
    for (const row of fresh) {
      if (report.blockedLines.has(lineOf(row))) continue;
      report.add(
        lineOf(row),
        columns.customerName !== undefined ? 'customerName' : fallbackField,
        'error',
        'CUSTOMER_HELD_BACK',
        cause !== undefined ? `This line's customer can't be imported because of the problem on row ${cause}.` : "This line's customer can't be imported as it stands.",
        cause !== undefined ? `Fix row ${cause}; this line is then imported with it.` : 'Fix the other lines of this customer.',
      );
    }
  }
}
