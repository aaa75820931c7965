import type { UpflowClient } from '../upflow/client';
import type { Customer } from '../upflow/schemas';
import type { PulledOrganisation } from './customer-sheet';

/**
 * Reads what a pulled sheet shows: every customer from the full list (every page), with its
 * contacts, read from the customer's own route when the list does not carry them ([open] in
 * docs/upflow-api.md), the members and the workflows. `manager`: only the customers that member
 * (by email) manages.
 */
export function pullOrganisation(client: UpflowClient, options: { manager?: string } = {}): PulledOrganisation {
  const members = client.listMembers();
  const workflows = client.listWorkflows();
  let customers: Customer[] = client.listCustomers();
  if (options.manager) {
    const wanted = options.manager.trim().toLowerCase();
    const ids = new Set(members.filter((m) => m.email.trim().toLowerCase() === wanted).map((m) => m.id));
    customers = customers.filter((c) => [...(c.accountManagerIds ?? []), c.accountManagerId].some((id) => id && ids.has(id)));
  }
  return {
    members,
    workflows,
    customers: customers.map((c) => ({ ...c, contacts: c.contacts ?? client.listContacts(c.id) })),
  };
}
