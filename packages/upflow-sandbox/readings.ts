/**
 * How this sandbox answers where Upflow's behaviour is not documented. Each switch is one [open]
 * or [client] point of docs/upflow-api.md; `documented` plays the likely reading, `hard` the
 * hardest plausible one ("The hard readings" section), so that a client correct against both is
 * correct against the real Upflow whichever way each point falls.
 */
export interface Readings {
  /** [open] `?name=` / `?externalId=` filter the customer list (one client says filters are ignored [client]). */
  listFilters: boolean;
  /** [open] The largest page `GET /customers` grants ([live]: 500 was granted once). */
  maxPage: number;
  /** [open] Items of `GET /customers` carry their contacts. */
  listContacts: boolean;
  /** [open] A contact nested in a customer body without `id` updates the customer's contact of that email (else only `id` / `externalId` match). */
  nestedContactsByEmail: boolean;
  /** [open] Contacts left out of a customer body's `contacts` are removed from the customer. */
  nestedContactsReplace: boolean;
  /** [client] Contact emails are unique in the organisation (Upflow's docs show several contacts may share one). */
  uniqueContactEmails: boolean;
  /** [open] Status of a `POST /customers` that creates. */
  createdStatus: 200 | 201;
  /** [open] A 429 says how long to wait in `Retry-After`. */
  retryAfter: boolean;
  /** [open] `/users` and `/dunning_plans` are paged, and their page size (null: everything at once). */
  usersPage: number | null;
  workflowsPage: number | null;
  /** No source names an organisation route. */
  organizationRoute: boolean;
  /** [open] `PUT /customers/external:{externalId}` exists ([client] only for GET and DELETE). */
  putByExternal: boolean;
  /** [open] Answers carry fields no client knows, and positions the organisation added. */
  extraFields: boolean;
}

export const DOCUMENTED: Readings = {
  listFilters: true,
  maxPage: 500,
  listContacts: true,
  nestedContactsByEmail: true,
  nestedContactsReplace: false,
  uniqueContactEmails: true,
  createdStatus: 201,
  retryAfter: true,
  usersPage: null,
  workflowsPage: null,
  organizationRoute: true,
  putByExternal: true,
  extraFields: false,
};

export const HARD: Readings = {
  listFilters: false,
  maxPage: 100,
  listContacts: false,
  nestedContactsByEmail: false,
  nestedContactsReplace: true,
  uniqueContactEmails: false,
  createdStatus: 200,
  retryAfter: false,
  usersPage: 20,
  workflowsPage: 20,
  organizationRoute: false,
  putByExternal: false,
  extraFields: true,
};

export const PROFILES = { documented: DOCUMENTED, hard: HARD } as const;
export type Profile = keyof typeof PROFILES;

/** Contact positions an organisation has beyond the four of Upflow's reference, under `extraFields`. */
export const CUSTOM_CONTACT_POSITIONS = ['DIRECTOR'];
/** A member position an organisation added, under `extraFields`. */
export const CUSTOM_MEMBER_POSITION = 'ORGANIZATION_OWNER';

/** Contact positions the organisation has: the four of the reference, and its own under `extraFields`. */
export const contactPositions = (readings: Readings): readonly string[] => (readings.extraFields ? [...STANDARD, ...CUSTOM_CONTACT_POSITIONS] : STANDARD);
const STANDARD = ['ACCOUNTING', 'SALES', 'PURCHASER', 'PAYER'];

/** Fields no client knows, added to every item of an answer under `extraFields`. */
export const withExtras = <T extends object>(readings: Readings, item: T): T => (readings.extraFields ? { ...item, _links: { self: 'unknown to clients' }, tags: [] } : item);

/** One page of a list that the documented reading answers whole. */
export function pageOfList<T>(items: T[], page: number | null, offset = 0, limit?: number) {
  if (page === null) return { items, paging: null };
  const size = Math.min(limit ?? page, page);
  return { items: items.slice(offset, offset + size), paging: { offset, limit: size, total: items.length } };
}
