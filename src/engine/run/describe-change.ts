import { deferred } from '../deferred';
import { field, upflowFields } from '../fields';
import { changePath, type Change } from '../payloads';
import type { DunningPlan, Member } from '../upflow/schemas';

/**
 * The sheet's word for each field Upflow's API names by its path: the label of the field kept as a
 * plain string there (src/engine/fields.ts), or of the field with code of its own sent there.
 * Built on first use: most executions describe no change.
 */
const LABELS: Readonly<Record<string, string>> = deferred(() => ({
  name: field('customerName').label,
  externalId: field('customerId').label,
  ...Object.fromEntries(upflowFields('customer').map(({ id, key }) => [changePath('customer', key), field(id).label])),
  ...Object.fromEntries(upflowFields('address').map(({ id, key }) => [changePath('address', key), field(id).label])),
  parent: 'Group',
  accountManagerIds: field('accountManagers').label,
  dunningPlanId: field('workflow').label,
}));

/** A change in the words of the sheet: labels instead of API paths, emails and names instead of ids. */
export function describeChange(change: Change, org: { members: readonly Member[]; workflows: readonly DunningPlan[] }): Change {
  const contact = /^contacts\[(.+)\](?:\.(\w+))?$/.exec(change.field);
  const label = contact ? `Contact ${contact[1]}${contact[2] ? ` (${contact[2]})` : ''}` : (LABELS[change.field] ?? change.field);
  const names = (ids: string | null) => {
    if (ids === null) return null;
    if (change.field === 'accountManagerIds')
      return ids
        .split(', ')
        .map((id) => org.members.find((m) => m.id === id)?.email ?? id)
        .join(', ');
    if (change.field === 'dunningPlanId') return org.workflows.find((w) => w.id === ids)?.name ?? ids;
    return ids;
  };
  return { field: label, from: names(change.from), to: names(change.to) ?? change.to };
}
