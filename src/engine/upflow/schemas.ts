import * as z from '../zod';
import { upflowFields, type UpflowKey, type UpflowPlace } from '../fields';

/**
 * Shapes of Upflow's API as docs/upflow-api.md records them. Bodies we send are strict; answers we
 * read are lenient ([open] points of the notes): unknown fields are ignored, positions are any
 * string (organisations rename and add them), optional fields may be missing or null, and a page
 * may omit its `total` or name its item list differently.
 */

const text = z.nullish(z.string());

/**
 * The keys under which Upflow keeps fields as plain strings at one place, from the fields' own
 * definitions (src/engine/fields.ts), each with the given schema: a field given a place is sent,
 * read back and typed with no line here.
 */
function plainStrings<On extends UpflowPlace['on'], S>(on: On, schema: S): { [K in UpflowKey<On>]: S } {
  return Object.fromEntries(upflowFields(on).map((f) => [f.key, schema])) as { [K in UpflowKey<On>]: S };
}

export const memberSchema = z.deferred(() =>
  z.object({
    id: z.string(),
    firstName: text,
    lastName: text,
    email: z.string(),
    position: text,
  }),
);
export type Member = z.infer<typeof memberSchema>;

export const dunningPlanSchema = z.deferred(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    mode: text,
    entity: text,
  }),
);
export type DunningPlan = z.infer<typeof dunningPlanSchema>;

/** The four positions of Upflow's reference; a sheet may only send these. */
export const contactPositionSchema = z.enum(['ACCOUNTING', 'SALES', 'PURCHASER', 'PAYER']);
export type ContactPosition = z.infer<typeof contactPositionSchema>;

export const contactBodySchema = z
  .object({
    /** The Upflow id of a contact the customer already holds: the one key every reading of Upflow matches on. */
    id: z.optional(z.string()),
    /** Required for a new contact; a held contact Upflow keeps without email is sent back by its id alone. */
    email: z.optional(z.string().check(z.minLength(1))),
    // Any string: a held contact is sent back with its own position, which may be one the organisation added.
    ...plainStrings('contact', z.optional(z.string())),
    isMain: z.optional(z.boolean()),
  })
  .check(z.refine((c) => c.id !== undefined || c.email !== undefined, { message: 'a new contact needs an email' }));
export type ContactBody = z.infer<typeof contactBodySchema>;

export const addressSchema = z.deferred(() => z.object(plainStrings('address', z.optional(z.string()))));

export const parentRefSchema = z.deferred(() => z.union([z.object({ id: z.string() }), z.object({ externalId: z.string() })]));

export const customerBodySchema = z.deferred(() =>
  z.object({
    name: z.string().check(z.minLength(1)),
    externalId: z.optional(z.string()),
    ...plainStrings('customer', z.optional(z.string())),
    address: z.optional(addressSchema),
    parent: z.optional(parentRefSchema),
    accountManagerId: z.optional(z.string()),
    dunningPlanId: z.optional(z.string()),
    customFields: z.optional(z.array(z.object({ id: z.string(), value: z.string() }))),
    contacts: z.optional(z.array(contactBodySchema)),
  }),
);
export type CustomerBody = z.infer<typeof customerBodySchema>;

export const contactSchema = z.deferred(() =>
  z.object({
    id: z.string(),
    email: text,
    ...plainStrings('contact', text),
    isMain: z.nullish(z.boolean()),
  }),
);
export type Contact = z.infer<typeof contactSchema>;

export const customerSchema = z.deferred(() =>
  z.object({
    id: z.string(),
    name: z.pipe(
      z.nullish(z.string()),
      z.transform((v) => v ?? ''),
    ),
    externalId: text,
    ...plainStrings('customer', text),
    address: z.nullish(z.object(plainStrings('address', text))),
    parent: z.nullish(z.object({ id: z.string(), externalId: text, name: text })),
    accountManagerId: text,
    accountManagerIds: z.nullish(z.array(z.string())),
    dunningPlanId: text,
    /** Absent when the list does not carry contacts ([open]): then they are unknown, not none. */
    contacts: z.nullish(z.array(contactSchema)),
    directUrl: text,
  }),
);
export type Customer = z.infer<typeof customerSchema>;

/** One page of a list: its items under whichever key the answer uses, and the total when given. */
export interface Page<T> {
  items: T[];
  total: number | null;
}

const count = z.deferred(() =>
  z.pipe(
    z.nullish(z.int().check(z.nonnegative())),
    z.transform((v) => v ?? null),
  ),
);
const pageShape = z.deferred(() => z.looseObject({ total: count }));

/** Reads a page leniently: an array, or an object holding the array under one of `keys`. */
export function pageOf<T>(data: unknown, keys: readonly string[], item: z.ZodMiniType<T>): Page<T> | null {
  const list = Array.isArray(data) ? data : keys.map((k) => (data && typeof data === 'object' ? (data as Record<string, unknown>)[k] : undefined)).find(Array.isArray);
  if (!Array.isArray(list)) return null;
  const items = z.array(item).safeParse(list);
  if (!items.success) return null;
  const meta = Array.isArray(data) ? null : pageShape.safeParse(data);
  return { items: items.data, total: meta?.success ? meta.data.total : null };
}

/** The answers of /users and /dunning_plans as saved to a file (the CLI reads those too). */
export const usersResponseSchema = z.deferred(() => z.object({ users: z.array(memberSchema) }));
export const dunningPlansResponseSchema = z.deferred(() => z.object({ items: z.array(dunningPlanSchema) }));
