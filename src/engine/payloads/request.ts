import * as z from '../zod';
import { field } from '../fields';
import { upflowValues } from '../placed-values';
import type { RowRecord } from '../sheet-input';
import { customerBodySchema } from '../upflow/schemas';
import { assignBodySchema } from './assign-body';
import { compact } from './compact';
import { buildContacts } from './contacts';
import { customerIdOf, idFieldsOf, type Mode } from './identity';
import type { Merged } from './merge';
import type { ParentLink } from './parents';
import type { Reporter } from './report';
import { resolveManagers, resolveWorkflow } from './resolve';
import { droppedParts, type Sending } from './rights';
import type { CustomerRequest, PayloadOptions } from './types';

export interface CustomerLinesMerged {
  key: string;
  lines: RowRecord[];
  merged: Merged;
}

export function buildRequest(
  customer: CustomerLinesMerged,
  link: ParentLink,
  level: number,
  mode: Mode,
  send: Sending,
  options: PayloadOptions,
  report: Reporter,
): CustomerRequest {
  const { values, rowOf } = customer.merged;
  const externalId = customerIdOf(values, mode) ?? null;
  reportIdConflict(customer.merged, mode, report);

  const accountManagerIds =
    send.accountManagers && values.accountManagers !== undefined ? resolveManagers(values.accountManagers, rowOf.accountManagers ?? 0, options.members, report) : [];
  const dunningPlanId = send.workflows && values.workflow !== undefined ? resolveWorkflow(values.workflow, rowOf.workflow ?? 0, options.workflows, report) : undefined;
  const assignment = { accountManagerId: accountManagerIds[0], dunningPlanId };

  const base = {
    key: customer.key,
    rows: customer.lines.map((line) => line.row),
    externalId,
    upflowId: values.upflowId ?? null,
    accountManagerIds,
    parentKey: link.parentKey,
    parentName: link.parentName,
    level,
    dropped: droppedParts(customer.lines, send),
  };
  if (mode === 'assign') {
    return { ...base, mode, body: checked(assignBodySchema, compact({ name: values.customerName, externalId: externalId ?? undefined, ...assignment }), base.rows) };
  }
  const contacts = send.contacts ? buildContacts(customer.lines, report) : [];
  const address = upflowValues(values, 'address');
  const draft = compact({
    name: values.customerName,
    externalId: externalId ?? undefined,
    ...upflowValues(values, 'customer'),
    address: Object.keys(address).length ? address : undefined,
    parent: link.parentExternalId === null ? undefined : { externalId: link.parentExternalId },
    ...assignment,
    contacts: contacts.length ? contacts : undefined,
  });
  return { ...base, mode, body: checked(customerBodySchema, draft, base.rows) };
}

/** Both columns feed Upflow's one `externalId`; the one identifying customers in this mode is sent. */
function reportIdConflict({ values, rowOf }: Merged, mode: Mode, report: Reporter): void {
  const [kept, dropped] = idFieldsOf(mode);
  const keptValue = values[kept];
  const droppedValue = values[dropped];
  if (keptValue === undefined || droppedValue === undefined || keptValue === droppedValue) return;
  report.warning(rowOf[dropped] ?? 0, dropped, {
    code: 'EXTERNAL_ID_DIFFERS',
    message: `${field(kept).label} "${keptValue}" and ${field(dropped).label} "${droppedValue}" are both the customer's external ID in Upflow; "${keptValue}" is used.`,
    fix: `Give the same value in both columns, or clear the ${field(dropped).label}.`,
  });
}

/** Bodies are built from checked values; one failing its schema is a bug in this module, not a user error. */
function checked<T>(schema: z.ZodMiniType<T>, draft: unknown, rows: number[]): T {
  const result = schema.safeParse(draft);
  if (!result.success) throw new Error(`Payload of rows ${rows.join(', ')} breaks the API contract: ${z.prettifyError(result.error)}`);
  return result.data;
}
