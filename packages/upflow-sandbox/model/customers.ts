/**
 * Customers: lookup, rendering, the "import customer" upsert, updates, deletion, account managers.
 * Functions that change data run their work in one transaction (`db.write`): a request is applied
 * entirely or not at all.
 */
import { randomUUID } from 'node:crypto';
import { placeholders, type Params, type SandboxDb } from '../db';
import { errors } from '../errors';
import type { CustomerBody, CustomerOut, ParentRef, SeedCustomer, SourceSystem } from '../schemas';
import { DOCUMENTED, withExtras, type Readings } from '../readings';
import { contactsOf, createContact, keepOnlyContacts, toContactOut, upsertNestedContact } from './contacts';
import { findDunningPlan, findMember } from './organization';
import { assertAllowed, type Right } from './rights';

export interface CustomerRow {
  seq: number;
  id: string;
  external_id: string | null;
  name: string;
  accounting_ref: string | null;
  vat_number: string | null;
  address_address: string | null;
  address_zipcode: string | null;
  address_city: string | null;
  address_state: string | null;
  address_country: string | null;
  parent_id: string | null;
  dunning_plan_id: string | null;
  custom_fields: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'seq, id, external_id, name, accounting_ref, vat_number, address_address, address_zipcode, address_city, address_state, ' +
  'address_country, parent_id, dunning_plan_id, custom_fields, created_at, updated_at';

export const DEFAULT_PAGE = 100;

const EXTERNAL_PREFIX = 'external:';

export function customerById(db: SandboxDb, id: string): CustomerRow | undefined {
  return db.get<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE id = ?`, [id]);
}

export function customerByExternalId(db: SandboxDb, externalId: string): CustomerRow | undefined {
  return db.get<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE external_id = ?`, [externalId]);
}

/** `ref` is a customer id, or `external:{externalId}`. */
export function findCustomer(db: SandboxDb, ref: string): CustomerRow | undefined {
  return ref.startsWith(EXTERNAL_PREFIX) ? customerByExternalId(db, ref.slice(EXTERNAL_PREFIX.length)) : customerById(db, ref);
}

/** 404 "The customer was not found" when absent. */
export function requireCustomer(db: SandboxDb, ref: string): CustomerRow {
  const row = findCustomer(db, ref);
  if (!row) throw errors.customerNotFound();
  return row;
}

function managersOf(db: SandboxDb, customerIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (customerIds.length === 0) return out;
  const rows = db.all<{ customer_id: string; member_id: string }>(
    `SELECT customer_id, member_id FROM customer_account_managers WHERE customer_id IN ${placeholders(customerIds.length)} ORDER BY customer_id, rank`,
    customerIds,
  );
  for (const row of rows) {
    const list = out.get(row.customer_id);
    if (list) list.push(row.member_id);
    else out.set(row.customer_id, [row.member_id]);
  }
  return out;
}

export const directUrl = (origin: string, id: string): string => `${origin}/app/customers/${encodeURIComponent(id)}`;

/** Full customers (contacts, parent, managers) in a few queries whatever the number of rows. */
export function renderCustomers(db: SandboxDb, rows: CustomerRow[], origin: string, readings: Readings = DOCUMENTED, withContacts = true): CustomerOut[] {
  const ids = rows.map((r) => r.id);
  const contacts = contactsOf(db, ids);
  const managers = managersOf(db, ids);
  const parentIds = [...new Set(rows.map((r) => r.parent_id).filter((id): id is string => id !== null))];
  const parents = new Map(
    parentIds.length === 0
      ? []
      : db
          .all<{ id: string; external_id: string | null; name: string }>(`SELECT id, external_id, name FROM customers WHERE id IN ${placeholders(parentIds.length)}`, parentIds)
          .map((p) => [p.id, p] as const),
  );
  return rows.map((r) => {
    const parent = r.parent_id ? parents.get(r.parent_id) : undefined;
    const managerIds = managers.get(r.id) ?? [];
    return withExtras(readings, {
      id: r.id,
      externalId: r.external_id,
      name: r.name,
      accountingRef: r.accounting_ref,
      vatNumber: r.vat_number,
      // [inferred] the address is always an object with its five keys (null when unknown).
      address: {
        address: r.address_address,
        zipcode: r.address_zipcode,
        city: r.address_city,
        state: r.address_state,
        country: r.address_country,
      },
      parent: parent ? { id: parent.id, externalId: parent.external_id, name: parent.name } : null,
      accountManagerId: managerIds[0] ?? null,
      accountManagerIds: managerIds,
      dunningPlanId: r.dunning_plan_id,
      customFields: JSON.parse(r.custom_fields) as CustomerOut['customFields'],
      ...(withContacts ? { contacts: (contacts.get(r.id) ?? []).map((c) => withExtras(readings, toContactOut(c))) } : {}),
      directUrl: directUrl(origin, r.id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  });
}

export function renderCustomer(db: SandboxDb, id: string, origin: string, readings: Readings = DOCUMENTED): CustomerOut {
  const row = customerById(db, id);
  if (!row) throw new Error(`customer ${id} vanished`);
  const [out] = renderCustomers(db, [row], origin, readings);
  if (!out) throw new Error('unreachable');
  return out;
}

export interface CustomerListQuery {
  offset?: number | undefined;
  limit?: number | undefined;
  externalId?: string | undefined;
  name?: string | undefined;
}

/**
 * GET /customers: stable order by creation. [inferred] A limit above the largest page is lowered
 * to it (the answer's `limit` says so) rather than refused; filters and contacts as `readings` say.
 */
export function listCustomers(db: SandboxDb, query: CustomerListQuery, origin: string, readings: Readings = DOCUMENTED) {
  const offset = query.offset ?? 0;
  const limit = Math.min(query.limit ?? DEFAULT_PAGE, readings.maxPage);
  const where: string[] = [];
  const params: Params = [];
  if (query.externalId !== undefined && readings.listFilters) {
    where.push('external_id = ?');
    params.push(query.externalId);
  }
  if (query.name !== undefined && readings.listFilters) {
    where.push('name = ?');
    params.push(query.name);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM customers ${clause}`, params)?.n ?? 0;
  const rows = db.all<CustomerRow>(`SELECT ${COLUMNS} FROM customers ${clause} ORDER BY seq LIMIT ? OFFSET ?`, [...params, limit, offset]);
  return { offset, limit, total, customers: renderCustomers(db, rows, origin, readings, readings.listContacts) };
}

/** Serialised customer without timestamps: compared before/after a write to move `updatedAt` only on real changes. */
function snapshot(db: SandboxDb, id: string): string {
  const { createdAt: _c, updatedAt: _u, directUrl: _d, ...rest } = renderCustomer(db, id, '');
  return JSON.stringify(rest);
}

/** Runs `change` on an existing customer and moves its `updatedAt` when something differs. */
export function withTouch<T>(db: SandboxDb, customerId: string, change: () => T): T {
  const before = snapshot(db, customerId);
  const result = change();
  if (customerById(db, customerId) && snapshot(db, customerId) !== before) {
    db.run('UPDATE customers SET updated_at = ? WHERE id = ?', [new Date().toISOString(), customerId]);
  }
  return result;
}

function checkManagers(db: SandboxDb, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    // Only members with the ACCOUNT_MANAGER position can be assigned (finance users are refused).
    if (findMember(db, id)?.position !== 'ACCOUNT_MANAGER') throw errors.accountManagerNotFound();
  }
  return unique;
}

function replaceManagers(db: SandboxDb, customerId: string, ids: string[]): void {
  const current = managersOf(db, [customerId]).get(customerId) ?? [];
  if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
  db.run('DELETE FROM customer_account_managers WHERE customer_id = ?', [customerId]);
  ids.forEach((memberId, rank) => db.run('INSERT INTO customer_account_managers (customer_id, member_id, rank) VALUES (?, ?, ?)', [customerId, memberId, rank]));
}

/** The parent's id, after checking it exists, is not the customer itself and makes no cycle. */
function resolveParent(db: SandboxDb, selfId: string, selfExternalId: string | null, ref: ParentRef): string {
  if ((ref.id !== undefined && ref.id === selfId) || (ref.externalId !== undefined && ref.externalId === selfExternalId)) {
    throw errors.parentIsSelf();
  }
  const parent = ref.id !== undefined ? customerById(db, ref.id) : customerByExternalId(db, ref.externalId ?? '');
  if (!parent) throw errors.parentNotFound();
  if (parent.id === selfId) throw errors.parentIsSelf();
  const seen = new Set<string>();
  let cursor: CustomerRow | undefined = parent;
  while (cursor?.parent_id && !seen.has(cursor.id)) {
    if (cursor.parent_id === selfId) throw errors.parentCycle(parent.name);
    seen.add(cursor.id);
    cursor = customerById(db, cursor.parent_id);
  }
  return parent.id;
}

const DETAIL_COLUMNS: ReadonlyArray<[keyof CustomerBody, string]> = [
  ['name', 'name'],
  ['externalId', 'external_id'],
  ['accountingRef', 'accounting_ref'],
  ['vatNumber', 'vat_number'],
];
const ADDRESS_KEYS = ['address', 'zipcode', 'city', 'state', 'country'] as const;

/** The rights a body needs on an existing customer (or, with `existing` undefined, to create one). */
function rightsNeeded(body: CustomerBody, existing: CustomerRow | undefined): Set<Right> {
  const needed = new Set<Right>();
  if (!existing) needed.add('details'); // creating a customer changes details
  const detailFields =
    body.name !== undefined ||
    body.accountingRef !== undefined ||
    body.vatNumber !== undefined ||
    body.address !== undefined ||
    body.parent !== undefined ||
    body.customFields !== undefined ||
    // externalId is the key of POST /customers; it is a change only when it differs (PUT).
    (existing !== undefined && body.externalId !== undefined && body.externalId !== existing.external_id);
  if (detailFields) needed.add('details');
  if (body.contacts !== undefined && body.contacts.length > 0) needed.add('contacts');
  if (body.accountManagerId !== undefined) needed.add('managers');
  if (body.dunningPlanId !== undefined) needed.add('workflows');
  return needed;
}

/**
 * Applies a customer body (inside the caller's transaction). Fields present replace the stored
 * ones, absent fields are kept; [inferred] this also holds inside `address` (sending only `city`
 * keeps the street), `address: null` clears it. `customFields` replaces the whole list; nested
 * contacts are upserted and contacts not mentioned are kept. `accountManagerId` replaces the
 * list of account managers with that one member ([inferred]; `null` clears the list).
 */
function applyCustomer(
  db: SandboxDb,
  existing: CustomerRow | undefined,
  body: CustomerBody,
  readings: Readings,
  extra: { id?: string | undefined; accountManagerIds?: string[] | undefined; contactIds?: Array<string | undefined> } = {},
): string {
  const id = existing?.id ?? extra.id ?? randomUUID();
  const externalIdAfter = body.externalId !== undefined ? body.externalId : (existing?.external_id ?? null);

  if (body.externalId != null && body.externalId !== existing?.external_id) {
    const other = customerByExternalId(db, body.externalId);
    if (other && other.id !== id) throw errors.externalIdTaken(body.externalId, other.name);
  }
  const parentId = body.parent === undefined ? undefined : body.parent === null ? null : resolveParent(db, id, externalIdAfter, body.parent);
  let managerIds: string[] | undefined;
  if (extra.accountManagerIds) managerIds = checkManagers(db, extra.accountManagerIds);
  if (body.accountManagerId !== undefined) managerIds = body.accountManagerId === null ? [] : checkManagers(db, [body.accountManagerId]);
  if (body.dunningPlanId != null && !findDunningPlan(db, body.dunningPlanId)) throw errors.dunningPlanNotFound();

  const now = new Date().toISOString();
  if (!existing) {
    db.run(`INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`, [id, body.name ?? '', now, now]);
  }
  const sets: string[] = [];
  const params: Params = [];
  const set = (column: string, value: string | null) => {
    sets.push(`${column} = ?`);
    params.push(value);
  };
  for (const [field, column] of DETAIL_COLUMNS) {
    const value = body[field];
    if (value !== undefined) set(column, value as string | null);
  }
  if (body.address === null) for (const key of ADDRESS_KEYS) set(`address_${key}`, null);
  else if (body.address) {
    for (const key of ADDRESS_KEYS) if (body.address[key] !== undefined) set(`address_${key}`, body.address[key] ?? null);
  }
  if (parentId !== undefined) set('parent_id', parentId);
  if (body.dunningPlanId !== undefined) set('dunning_plan_id', body.dunningPlanId);
  if (body.customFields !== undefined) set('custom_fields', JSON.stringify(body.customFields));
  if (sets.length > 0) {
    // Only when a value differs, so that an identical re-import changes no row (and writes no file).
    const differs = sets.map((s) => s.replace(' = ?', ' IS NOT ?')).join(' OR ');
    db.run(`UPDATE customers SET ${sets.join(', ')} WHERE id = ? AND (${differs})`, [...params, id, ...params]);
  }
  if (managerIds) replaceManagers(db, id, managerIds);
  const seeded = extra.contactIds;
  const written = (body.contacts ?? []).map((contact, i) =>
    seeded ? createContact(db, id, { ...contact, id: seeded[i] }, readings) : upsertNestedContact(db, id, contact, readings),
  );
  if (existing && body.contacts !== undefined && readings.nestedContactsReplace)
    keepOnlyContacts(
      db,
      id,
      written.map((c) => c.id),
    );
  return id;
}

/**
 * POST /customers ("import customer"): upsert by externalId. An existing customer with that
 * externalId is updated (200), otherwise one is created (201); without externalId it always creates.
 */
export function importCustomer(
  db: SandboxDb,
  body: CustomerBody,
  sourceSystem: SourceSystem,
  origin: string,
  readings: Readings = DOCUMENTED,
): { customer: CustomerOut; created: boolean } {
  return db.write(() => {
    const existing = body.externalId != null ? customerByExternalId(db, body.externalId) : undefined;
    assertAllowed(sourceSystem, rightsNeeded(body, existing));
    if (existing) {
      withTouch(db, existing.id, () => applyCustomer(db, existing, body, readings));
      return { customer: renderCustomer(db, existing.id, origin, readings), created: false };
    }
    if (body.name === undefined) {
      throw errors.validation(
        body.externalId != null
          ? `Invalid request: name is required to create a customer (no customer has the externalId ${body.externalId})`
          : 'Invalid request: name is required',
      );
    }
    const id = applyCustomer(db, undefined, body, readings);
    return { customer: renderCustomer(db, id, origin, readings), created: true };
  });
}

/** PUT /customers/{id}: updates the given fields, with the same validation as POST. */
export function updateCustomer(db: SandboxDb, ref: string, body: CustomerBody, sourceSystem: SourceSystem, origin: string, readings: Readings = DOCUMENTED): CustomerOut {
  return db.write(() => {
    const existing = requireCustomer(db, ref);
    assertAllowed(sourceSystem, rightsNeeded(body, existing));
    withTouch(db, existing.id, () => applyCustomer(db, existing, body, readings));
    return renderCustomer(db, existing.id, origin, readings);
  });
}

/** DELETE /customers/{id}: removes the customer and its contacts. */
export function deleteCustomer(db: SandboxDb, ref: string, sourceSystem: SourceSystem): void {
  db.write(() => {
    const existing = requireCustomer(db, ref);
    assertAllowed(sourceSystem, ['details']);
    const children = db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers WHERE parent_id = ?', [existing.id])?.n ?? 0;
    if (children > 0) throw errors.customerHasSubsidiaries(children);
    db.run('DELETE FROM customers WHERE id = ?', [existing.id]);
  });
}

/** POST /customers/{id}/account-managers: replaces the list; `accountManagerId` is then its first entry. */
export function setAccountManagers(db: SandboxDb, ref: string, ids: string[], sourceSystem: SourceSystem, origin: string, readings: Readings = DOCUMENTED): CustomerOut {
  return db.write(() => {
    const existing = requireCustomer(db, ref);
    assertAllowed(sourceSystem, ['managers']);
    const checked = checkManagers(db, ids);
    withTouch(db, existing.id, () => replaceManagers(db, existing.id, checked));
    return renderCustomer(db, existing.id, origin, readings);
  });
}

/** Seeding: the same rules as the API minus the source-system rights, with fixed ids (caller's transaction). */
export function seedOneCustomer(db: SandboxDb, customer: SeedCustomer): void {
  const { id, accountManagerIds, contacts, ...body } = customer;
  const existing = body.externalId != null ? customerByExternalId(db, body.externalId) : undefined;
  applyCustomer(db, existing, { ...body, contacts: contacts?.map(({ id: _id, ...c }) => c) }, DOCUMENTED, {
    id,
    accountManagerIds,
    contactIds: contacts?.map((c) => c.id),
  });
}
