import { upflowIdConflict, upflowIdFix, upflowIdMissing } from '../import/explain';
import type { TemplateId } from '../templates';
import { customerId, idField, type Line } from './customers';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const UPFLOW_ID_PROBLEMS = {
  UPFLOW_ID_NOT_FOUND: 'Upflow IDs Upflow no longer holds',
  UPFLOW_ID_CONFLICT: 'Upflow ID and Customer ID name two customers',
} as const;

export interface HeldCustomer {
  id: string;
  name: string;
  externalId?: string | null;
}

/**
 * A line's Upflow ID must name a customer Upflow's list holds, and its Customer ID must not be
 * another customer's: the import refuses both (src/engine/customers/held.ts), so Check says so
 * first, on the cell to fix. Checked only when the list was read.
 */
export function checkUpflowIds(report: Report, lines: readonly Line[], template: TemplateId, held: readonly HeldCustomer[]): void {
  const byId = new Map(held.map((c) => [c.id, c]));
  const byExternalId = new Map<string, HeldCustomer>();
  for (const c of held) if (c.externalId) byExternalId.set(c.externalId, c);
  for (const { index, values } of lines) {
    const upflowId = values.upflowId;
    if (upflowId === undefined) continue;
    const customer = byId.get(upflowId);
    if (!customer) {
      report.error(index, 'upflowId', 'UPFLOW_ID_NOT_FOUND', upflowIdMissing(upflowId), upflowIdFix.missing);
      continue;
    }
    const id = customerId(values, template);
    const other = id === undefined ? undefined : byExternalId.get(id);
    if (id !== undefined && other && other.id !== upflowId) {
      report.error(
        index,
        idField(values, template),
        'UPFLOW_ID_CONFLICT',
        upflowIdConflict(customer, other, id),
        upflowIdFix.conflict(customer, other),
        customer.externalId ?? undefined,
      );
    }
  }
}
