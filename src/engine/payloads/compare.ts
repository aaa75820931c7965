import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { upflowFields } from '../fields';
import type { ContactBody, Customer } from '../upflow/schemas';
import { heldContactOf } from '../customers/contacts';
import { nameKey } from '../customers/name';
import type { CustomerRequest, ImportRequest } from './types';

/** Where a change of a customer's plain string is reported: its key, under `address.` for the address's parts. */
export const changePath = (on: 'customer' | 'address', key: string): string => (on === 'address' ? `address.${key}` : key);

/** One field the request would change; `field` is the API path, e.g. "address.city" or "contacts[jane@acme.com].phone". */
export interface Change {
  field: string;
  from: string | null;
  to: string;
}
export interface Comparison {
  outcome: 'create' | 'update' | 'unchanged';
  changes: Change[];
}

/**
 * What sending the request would change in the customer Upflow holds (null: not there yet, so every
 * sent field is new). Only fields the request sends are compared: an empty cell changes nothing.
 */
export function compareWithUpflow(request: CustomerRequest, existing: Customer | null, groupId?: string): Comparison {
  const changes =
    request.mode === 'import'
      ? [...detailChanges(request, existing, groupId), ...assignmentChanges(request, existing), ...contactChanges(request.body.contacts ?? [], existing?.contacts ?? [])]
      : assignmentChanges(request, existing);
  return { outcome: existing === null ? 'create' : changes.length ? 'update' : 'unchanged', changes };
}

function detailChanges(request: ImportRequest, existing: Customer | null, groupId: string | undefined): Change[] {
  const { body } = request;
  const changes: Change[] = [];
  const scalar = (path: string, to: string | undefined, from: string | null | undefined) => {
    if (to !== undefined && to !== (from ?? null)) changes.push({ field: path, from: from ?? null, to });
  };
  scalar('name', body.name, existing?.name);
  scalar('externalId', body.externalId, existing?.externalId);
  for (const { key } of upflowFields('customer')) scalar(changePath('customer', key), body[key], existing?.[key]);
  for (const { key } of upflowFields('address')) scalar(changePath('address', key), body.address?.[key], existing?.address?.[key]);
  const parent = parentChange(request, existing, groupId);
  return parent ? [...changes, parent] : changes;
}

function assignmentChanges(request: CustomerRequest, existing: Customer | null): Change[] {
  const changes: Change[] = [];
  const current = existing?.accountManagerIds ?? (existing?.accountManagerId ? [existing.accountManagerId] : []);
  const sameSet = current.length === request.accountManagerIds.length && request.accountManagerIds.every((id) => current.includes(id));
  if (request.accountManagerIds.length && !sameSet) {
    changes.push({ field: 'accountManagerIds', from: current.length ? current.join(', ') : null, to: request.accountManagerIds.join(', ') });
  }
  const plan = request.body.dunningPlanId;
  if (plan !== undefined && plan !== existing?.dunningPlanId) changes.push({ field: 'dunningPlanId', from: existing?.dunningPlanId ?? null, to: plan });
  return changes;
}

/**
 * The group is compared by External ID when the request sends one, else by the Upflow id its name
 * resolves to (`groupId`), else by the group's name: Upflow's answers may give the parent
 * without its name ([spec] sample).
 */
function parentChange(request: ImportRequest, existing: Customer | null, groupId: string | undefined): Change | null {
  const current = existing?.parent ?? null;
  const { parent } = request.body;
  if (parent && 'externalId' in parent) {
    return parent.externalId === current?.externalId ? null : { field: 'parent', from: current?.externalId ?? current?.name ?? null, to: parent.externalId };
  }
  if (request.parentName !== null) {
    if (groupId !== undefined && current?.id === groupId) return null;
    const same = current?.name != null && nameKey(current.name) === nameKey(request.parentName);
    return same ? null : { field: 'parent', from: current?.name ?? current?.externalId ?? null, to: request.parentName };
  }
  return null;
}

type ExistingContact = NonNullable<Customer['contacts']>[number];
const phoneDigits = (phone: string) => phone.replace(/[\s.\-()]/g, '');

/**
 * Upflow may hold a phone as a person typed it ("06 12 34 56 78"), where the sheet's checked value
 * is international ("+33612345678"): the same number, read in the country of the one we send.
 */
function samePhone(sent: string, held: string): boolean {
  if (phoneDigits(sent) === phoneDigits(held)) return true;
  const ours = parsePhoneNumberFromString(sent);
  const theirs = ours?.country ? parsePhoneNumberFromString(held, ours.country) : undefined;
  return ours !== undefined && theirs !== undefined && ours.number === theirs.number;
}

function contactChanges(contacts: ContactBody[], existing: ExistingContact[]): Change[] {
  const changes: Change[] = [];
  const currentMain = existing.find((c) => c.isMain === true);
  const claimed = new Set<string>();
  for (const contact of contacts) {
    const email = contact.email ?? '';
    const path = `contacts[${email}]`;
    const held = heldContactOf(contact, existing, claimed);
    if (held) claimed.add(held.id);
    if (!held) changes.push({ field: path, from: null, to: email });
    // A contact found by its Upflow contact ID or Contact ID may come with a new email.
    if (held && contact.email !== undefined && held.email?.toLowerCase() !== contact.email.toLowerCase())
      changes.push({ field: `${path}.email`, from: held.email ?? null, to: contact.email });
    for (const { key: name } of upflowFields('contact')) {
      const to = contact[name];
      const from = held?.[name] ?? null;
      const same = to !== undefined && from !== null && (name === 'phone' ? samePhone(to, from) : to === from);
      if (held && to !== undefined && !same) changes.push({ field: `${path}.${name}`, from, to });
    }
    if (contact.isMain && held?.isMain !== true) changes.push({ field: 'mainContact', from: currentMain?.email ?? null, to: email });
  }
  return changes;
}
