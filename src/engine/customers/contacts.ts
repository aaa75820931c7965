import { upflowFields } from '../fields';
import type { Contact, ContactBody } from '../upflow/schemas';

/**
 * The held contact a line of the sheet names: by its Upflow contact ID (a pulled sheet), else its
 * Contact ID, else its email. An Upflow contact ID this customer does not hold (the line was
 * copied from another customer) names nothing by itself: the line is matched as if it had none.
 */
export function heldContactOf(contact: Pick<ContactBody, 'id' | 'email' | 'externalId'>, held: readonly Contact[], claimed: ReadonlySet<string> = new Set()): Contact | undefined {
  const free = held.filter((h) => !claimed.has(h.id));
  const byUpflowId = contact.id === undefined ? undefined : free.find((h) => h.id === contact.id);
  if (byUpflowId) return byUpflowId;
  if (contact.externalId) {
    const byId = free.find((h) => h.externalId === contact.externalId);
    if (byId) return byId;
  }
  const email = contact.email?.toLowerCase();
  return email === undefined ? undefined : free.find((h) => h.email?.toLowerCase() === email);
}

const present = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

/**
 * The contacts to nest in a write to a customer Upflow already holds.
 *
 * How Upflow matches nested contacts on an update (by id, externalId or email) and whether it
 * removes those left out are [open] (docs/upflow-api.md). So every contact the sheet names that
 * Upflow holds is sent with its Upflow `id` (the key every reading matches on: no duplicate), and
 * every held contact the sheet does not name is sent back as it is, with its `id` (no reading can
 * drop it). When the sheet names a main contact, the others are sent as not main, so no reading
 * of "the latest wins" leaves two.
 */
export function contactsForHeld(sheet: readonly ContactBody[], held: readonly Contact[]): ContactBody[] {
  const claimed = new Set<string>();
  const named = sheet.map((contact) => {
    const match = heldContactOf(contact, held, claimed);
    // An Upflow contact ID this customer does not hold is never sent: the contact is new to it.
    const { id: _unheld, ...fresh } = contact;
    if (!match) return fresh;
    claimed.add(match.id);
    return { ...contact, id: match.id };
  });
  const sheetNamesMain = sheet.some((c) => c.isMain === true);
  const kept = held
    .filter((h) => !claimed.has(h.id))
    .map((h) =>
      present({
        id: h.id,
        email: h.email ?? undefined,
        ...Object.fromEntries(upflowFields('contact').map(({ key }) => [key, h[key] ?? undefined])),
        isMain: sheetNamesMain ? false : (h.isMain ?? undefined),
      }),
    );
  return [...named, ...kept];
}
