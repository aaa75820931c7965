/**
 * Contacts of customers. Rules (API doc):
 * - the email is required and unique within the organisation (case-insensitive);
 * - one main contact per customer: the latest `isMain: true` wins and unsets the previous main;
 *   the first contact created for a customer becomes main automatically;
 * - a contact nested in a customer body updates the customer's contact with the same externalId,
 *   else the one with the same email (case-insensitive), else is created.
 * These functions run inside the caller's write transaction.
 */
import { randomUUID } from 'node:crypto';
import { placeholders, type Params, type SandboxDb } from '../db';
import { errors } from '../errors';
import type { Readings } from '../readings';
import type { ContactBody, ContactOut, ContactPatch, ContactPosition } from '../schemas';

export interface ContactRow {
  seq: number;
  id: string;
  customer_id: string;
  email: string;
  email_lower: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  external_id: string | null;
  position: ContactPosition | null;
  is_main: number;
}

const COLUMNS = 'seq, id, customer_id, email, email_lower, first_name, last_name, phone, external_id, position, is_main';

export const toContactOut = (r: ContactRow): ContactOut => ({
  id: r.id,
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  phone: r.phone,
  externalId: r.external_id,
  position: r.position,
  isMain: r.is_main === 1,
});

/** Contacts of several customers, in creation order. */
export function contactsOf(db: SandboxDb, customerIds: string[]): Map<string, ContactRow[]> {
  const out = new Map<string, ContactRow[]>();
  if (customerIds.length === 0) return out;
  const rows = db.all<ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE customer_id IN ${placeholders(customerIds.length)} ORDER BY seq`, customerIds);
  for (const row of rows) {
    const list = out.get(row.customer_id);
    if (list) list.push(row);
    else out.set(row.customer_id, [row]);
  }
  return out;
}

export function listContacts(db: SandboxDb, customerId: string, offset: number, limit: number): { total: number; rows: ContactRow[] } {
  const total = db.get<{ n: number }>('SELECT COUNT(*) AS n FROM contacts WHERE customer_id = ?', [customerId])?.n ?? 0;
  const rows = db.all<ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE customer_id = ? ORDER BY seq LIMIT ? OFFSET ?`, [customerId, limit, offset]);
  return { total, rows };
}

export function findContact(db: SandboxDb, customerId: string, contactId: string): ContactRow | undefined {
  return db.get<ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE customer_id = ? AND id = ?`, [customerId, contactId]);
}

function contactById(db: SandboxDb, contactId: string): ContactRow {
  const row = db.get<ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE id = ?`, [contactId]);
  if (!row) throw new Error(`contact ${contactId} vanished`);
  return row;
}

/**
 * 409 CONTACT_EMAIL_TAKEN when another contact (of any customer) already has this email; only
 * under the reading where emails are unique ([client], see readings.ts).
 */
function assertEmailFree(db: SandboxDb, email: string, exceptContactId: string | null, readings: Readings): void {
  if (!readings.uniqueContactEmails) return;
  const taken = db.get<{ name: string }>('SELECT cu.name AS name FROM contacts c JOIN customers cu ON cu.id = c.customer_id WHERE c.email_lower = ? AND c.id <> ?', [
    email.toLowerCase(),
    exceptContactId ?? '',
  ]);
  if (taken) throw errors.contactEmailTaken(email, taken.name);
}

function setMain(db: SandboxDb, customerId: string, contactId: string): void {
  db.run('UPDATE contacts SET is_main = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE customer_id = ? AND is_main <> CASE WHEN id = ? THEN 1 ELSE 0 END', [
    contactId,
    customerId,
    contactId,
  ]);
}

export function createContact(db: SandboxDb, customerId: string, body: ContactBody & { id?: string | undefined }, readings: Readings): ContactRow {
  if (body.email === undefined) throw errors.validation('Invalid request: email is required to create a contact');
  const email = body.email;
  assertEmailFree(db, email, null, readings);
  const id = body.id ?? randomUUID();
  const hasContacts = db.get('SELECT 1 AS one FROM contacts WHERE customer_id = ? LIMIT 1', [customerId]) !== undefined;
  db.run(
    `INSERT INTO contacts (id, customer_id, email, email_lower, first_name, last_name, phone, external_id, position, is_main)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      customerId,
      email,
      email.toLowerCase(),
      body.firstName ?? null,
      body.lastName ?? null,
      body.phone ?? null,
      body.externalId ?? null,
      body.position ?? null,
      hasContacts ? 0 : 1, // the first contact of a customer becomes main automatically
    ],
  );
  if (body.isMain === true && hasContacts) setMain(db, customerId, id);
  return contactById(db, id);
}

const PATCH_COLUMNS: ReadonlyArray<[keyof ContactPatch, string]> = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['phone', 'phone'],
  ['externalId', 'external_id'],
  ['position', 'position'],
];

/** Fields present in the patch replace the stored ones (null clears); absent fields are kept. */
export function updateContact(db: SandboxDb, contact: ContactRow, patch: ContactPatch, readings: Readings): ContactRow {
  const sets: string[] = [];
  const params: Params = [];
  if (patch.email !== undefined) {
    if (patch.email.toLowerCase() !== contact.email_lower) assertEmailFree(db, patch.email, contact.id, readings);
    sets.push('email = ?', 'email_lower = ?');
    params.push(patch.email, patch.email.toLowerCase());
  }
  for (const [field, column] of PATCH_COLUMNS) {
    const value = patch[field];
    if (value !== undefined) {
      sets.push(`${column} = ?`);
      params.push(value as string | null);
    }
  }
  if (sets.length > 0) {
    const differs = sets.map((s) => s.replace(' = ?', ' IS NOT ?')).join(' OR ');
    db.run(`UPDATE contacts SET ${sets.join(', ')} WHERE id = ? AND (${differs})`, [...params, contact.id, ...params]);
  }
  // [inferred] `isMain: false` on the main contact is ignored: a customer with contacts always has
  // exactly one main contact (it changes only when another contact is made main, or on delete).
  if (patch.isMain === true && contact.is_main !== 1) setMain(db, contact.customer_id, contact.id);
  return contactById(db, contact.id);
}

/**
 * A contact nested in a customer body: the contact of that `id` [spec]; else of that externalId;
 * else, under the reading that matches by email, of that email; else a new one.
 */
export function upsertNestedContact(db: SandboxDb, customerId: string, body: ContactBody, readings: Readings): ContactRow {
  let match: ContactRow | undefined;
  if (body.id !== undefined) {
    match = findContact(db, customerId, body.id);
    if (!match) throw errors.contactNotFound();
  }
  if (!match && body.externalId != null) {
    match = db.get<ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE customer_id = ? AND external_id = ? ORDER BY seq LIMIT 1`, [customerId, body.externalId]);
  }
  if (!match && readings.nestedContactsByEmail && body.email !== undefined) {
    match = db.get<ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE customer_id = ? AND email_lower = ? ORDER BY seq LIMIT 1`, [customerId, body.email.toLowerCase()]);
  }
  if (match) {
    const { id: _ignored, ...patch } = body;
    return updateContact(db, match, patch, readings);
  }
  const { id: _none, ...fresh } = body;
  return createContact(db, customerId, fresh, readings);
}

/** Under the reading where a body's contacts are the whole list, those it leaves out are removed. */
export function keepOnlyContacts(db: SandboxDb, customerId: string, keptIds: readonly string[]): void {
  const gone = db.all<ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE customer_id = ? ORDER BY seq`, [customerId]).filter((c) => !keptIds.includes(c.id));
  for (const contact of gone) deleteContact(db, contact);
}

/** [inferred] Deleting the main contact makes the oldest remaining contact main. */
export function deleteContact(db: SandboxDb, contact: ContactRow): void {
  db.run('DELETE FROM contacts WHERE id = ?', [contact.id]);
  if (contact.is_main === 1) {
    const next = db.get<{ id: string }>('SELECT id FROM contacts WHERE customer_id = ? ORDER BY seq LIMIT 1', [contact.customer_id]);
    if (next) setMain(db, contact.customer_id, next.id);
  }
}
