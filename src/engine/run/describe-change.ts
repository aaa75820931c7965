import type { Change } from '../payloads';
import type { DunningPlan, Member } from '../upflow/schemas';

/** The sheet's word for each field Upflow's API names by its path. */
const LABELS: Record<string, string> = {
  name: 'Customer name',
  externalId: 'Customer ID',
  accountingRef: 'Accounting code',
  vatNumber: 'VAT number',
  'address.address': 'Address',
  'address.zipcode': 'Postal code',
  'address.city': 'City',
  'address.state': 'State',
  'address.country': 'Country',
  parent: 'Group',
  accountManagerIds: 'Account manager',
  dunningPlanId: 'Workflow',
};

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
