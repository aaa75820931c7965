import type { UpflowClient } from '../upflow/client';
import type { PulledOrganisation } from './customer-sheet';
import { managerIds, PULL_START, pullPage, type PulledCustomer } from './pull-page';

/**
 * Reads what a pulled sheet shows in one go (the CLI): every page of the customer list with its
 * contacts, the members and the workflows. A customer met twice (the list moved while it was
 * read) is kept once. `manager`: only the customers that member (by email) manages.
 */
export function pullOrganisation(client: UpflowClient, options: { manager?: string } = {}): PulledOrganisation {
  const members = client.listMembers();
  const workflows = client.listWorkflows();
  const managers = options.manager ? managerIds(members, options.manager) : undefined;
  const customers = new Map<string, PulledCustomer>();
  for (let cursor = PULL_START; !cursor.done;) {
    const page = pullPage(client, cursor, managers);
    for (const customer of page.customers) customers.set(customer.id, customer);
    cursor = page.next;
  }
  return { members, workflows, customers: [...customers.values()] };
}
