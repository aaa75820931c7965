import { UpflowError, type UpflowClient } from '../upflow/client';
import type { Contact, Customer, Member } from '../upflow/schemas';

export type PulledCustomer = Customer & { contacts: Contact[] };

/** Where a pull split over several executions stands in Upflow's customer list. */
export interface PullCursor {
  /** Offset of the next page to read. */
  offset: number;
  /** The list's length as Upflow last gave it; null until known or when it does not say. */
  total: number | null;
  done: boolean;
}

export const PULL_START: PullCursor = { offset: 0, total: null, done: false };

/** Member ids of the manager (by email) whose customers only are wanted. */
export function managerIds(members: readonly Member[], email: string): Set<string> {
  const wanted = email.trim().toLowerCase();
  return new Set(members.filter((m) => m.email.trim().toLowerCase() === wanted).map((m) => m.id));
}

const managedBy = (customer: Customer, ids: ReadonlySet<string>): boolean => [...(customer.accountManagerIds ?? []), customer.accountManagerId].some((id) => id && ids.has(id));

/**
 * One page of the customer list with the contacts of each customer, read from the customer's own
 * route when the list does not carry them ([open] in docs/upflow-api.md), five at a time. The
 * offset advances by what the page held (Upflow may grant less than asked); the list ends at its
 * total, or at a page that brings nothing. `managers`: only the customers one of them manages.
 */
export function pullPage(client: UpflowClient, cursor: PullCursor, managers?: ReadonlySet<string>): { customers: PulledCustomer[]; next: PullCursor } {
  const page = client.customersPage(cursor.offset);
  const offset = cursor.offset + page.customers.length;
  const total = page.total ?? cursor.total;
  if (page.customers.length === 0 && total !== null && offset < total) {
    throw new UpflowError('LIST_INCOMPLETE', `Upflow listed ${offset} of its ${total} customers and then stopped. Try again in a few minutes.`, null);
  }
  const done = page.customers.length === 0 || (total !== null && offset >= total);
  const wanted = managers ? page.customers.filter((c) => managedBy(c, managers)) : page.customers;
  const unread = wanted.filter((c) => !c.contacts).map((c) => c.id);
  const contacts = unread.length ? client.contactsOf(unread) : new Map<string, Contact[]>();
  return {
    customers: wanted.map((c) => ({ ...c, contacts: c.contacts ?? contacts.get(c.id) ?? [] })),
    next: { offset, total, done },
  };
}
