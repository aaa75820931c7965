import { assignability } from '../engine/customers/assignable';
import type { ConnectionView } from '../shared/api';
import { fetchOrganisation, interactiveClient, type Organisation } from './organisation';

/**
 * What Test connection shows: read from `/users` and `/dunning_plans`, the routes known to exist
 * (no source confirms an organisation route), with the positions Upflow gave its members so a
 * user can see who will count as an account manager.
 */
export function connectionSummary(org: Organisation): ConnectionView {
  const positions = new Map<string, number>();
  for (const member of org.members) {
    const position = member.position?.trim() || '(none)';
    positions.set(position, (positions.get(position) ?? 0) + 1);
  }
  return {
    members: org.members.length,
    accountManagers: org.members.filter((m) => assignability(m) === 'yes').length,
    positions: [...positions].map(([position, members]) => ({ position, members })).sort((a, b) => b.members - a.members),
    workflows: org.workflows.length,
  };
}

/** Test connection: reads the organisation now, as the user waits, and says what it found. */
export const testConnection = (): ConnectionView => connectionSummary(fetchOrganisation(interactiveClient()));
