/** One [open] point: what no source settles, and how each reading answers it. */
interface Switch<T> {
  /** The point, with its label in docs/upflow-api.md. */
  point: string;
  /** The likely answer. */
  documented: T;
  /** The hardest plausible answer ("The hard readings" in docs/upflow-api.md). */
  hard: T;
}
const open = <T>(point: string, documented: T, hard: T): Switch<T> => ({ point, documented, hard });

/**
 * How this sandbox answers where Upflow's behaviour is not documented: one entry per [open] or
 * [client] point of docs/upflow-api.md, read by the route that plays it (`readings.listFilters`).
 * A client correct against both readings is correct against the real Upflow whichever way each
 * point falls.
 */
const SWITCHES = {
  listFilters: open('[open] `GET /customers?name=` / `?externalId=` filter the list ([client]: filters are ignored)', true, false),
  maxPage: open('[open] The largest page `GET /customers` (and contacts) grants ([live]: 500 was granted once)', 500, 100),
  listContacts: open('[open] Items of `GET /customers` carry their contacts (hard: read `/customers/{id}/contacts`)', true, false),
  nestedContactsByEmail: open('[open] A contact nested in a customer body without `id` updates the contact of that email (hard: only `id` / `externalId` match)', true, false),
  nestedContactsReplace: open('[open] Contacts left out of a customer body are removed from the customer', false, true),
  uniqueContactEmails: open("[client] Contact emails are unique in the organisation, 409 otherwise (Upflow's docs show several contacts may share one)", true, false),
  createdStatus: open<200 | 201>('[open] Status of a `POST /customers` that creates', 201, 200),
  retryAfter: open('[open] A 429 says how long to wait in `Retry-After`', true, false),
  usersPage: open<number | null>('[open] `/users` is paged, and its page size (null: the whole list at once)', null, 20),
  workflowsPage: open<number | null>('[open] `/dunning_plans` is paged ([live]), and its page size (null: the whole list at once)', null, 20),
  organizationRoute: open('No source names an organisation route: `GET /organization` exists (hard: 404)', true, false),
  putByExternal: open('[open] `PUT /customers/external:{externalId}` exists ([client]: only GET and DELETE; hard: 404)', true, false),
  extraFields: open('[open] Answers carry fields no client knows (`_links`, `tags`), and positions the organisation added', false, true),
};

export type Readings = { -readonly [K in keyof typeof SWITCHES]: (typeof SWITCHES)[K]['documented'] };

const reading = (side: 'documented' | 'hard'): Readings => Object.fromEntries(Object.entries(SWITCHES).map(([name, point]) => [name, point[side]])) as Readings;

export const DOCUMENTED: Readings = reading('documented');
export const HARD: Readings = reading('hard');

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
