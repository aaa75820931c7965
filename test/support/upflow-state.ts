import type { TestSandbox } from './sandbox-process';

export interface HeldContact {
  id: string;
  email: string;
  firstName?: string | null;
  isMain?: boolean | null;
  position?: string | null;
}
export interface HeldCustomer {
  id: string;
  name: string;
  externalId: string | null;
  dunningPlanId?: string | null;
  accountManagerIds?: string[];
  parent?: { id: string } | null;
  contacts: HeldContact[];
  /** Moves only when a write changes the customer: what tells a write that changed nothing from none. */
  updatedAt?: string;
}

/**
 * Everything the sandbox holds, read the way the hard reading forces: every page of the list
 * (whatever page size it grants), and each customer's contacts from their own route.
 */
export async function heldCustomers(sandbox: TestSandbox): Promise<HeldCustomer[]> {
  const all: HeldCustomer[] = [];
  for (let offset = 0; ;) {
    const page = await sandbox.get<{ customers: HeldCustomer[]; total: number }>(`/customers?offset=${offset}&limit=500`);
    all.push(...page.customers);
    offset += page.customers.length;
    if (page.customers.length === 0 || all.length >= page.total) break;
  }
  for (const customer of all) {
    const contacts = await sandbox.get<{ contacts: HeldContact[] }>(`/customers/${customer.id}/contacts?limit=500`);
    customer.contacts = contacts.contacts;
  }
  return all;
}

export const named = (customers: readonly HeldCustomer[], name: string) => customers.filter((c) => c.name === name);

/** Customers whose `updatedAt` moved between two readings: those a write really changed. */
export const changedBetween = (before: readonly HeldCustomer[], after: readonly HeldCustomer[]): string[] =>
  after.filter((c) => before.find((b) => b.id === c.id)?.updatedAt !== c.updatedAt).map((c) => c.name);
