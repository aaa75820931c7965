import { z } from 'zod';

/**
 * Shapes of Upflow's API as docs/upflow-api.md records them. Bodies we send are strict; answers we
 * read are lenient ([open] points of the notes): unknown fields are ignored, positions are any
 * string (organisations rename and add them), optional fields may be missing or null, and a page
 * may omit its `total` or name its item list differently.
 */

const text = z.string().nullish();

export const memberSchema = z.object({
  id: z.string(),
  firstName: text,
  lastName: text,
  email: z.string(),
  position: text,
});
export type Member = z.infer<typeof memberSchema>;

export const dunningPlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  mode: text,
  entity: text,
});
export type DunningPlan = z.infer<typeof dunningPlanSchema>;

/** The four positions of Upflow's reference; a sheet may only send these. */
export const contactPositionSchema = z.enum(['ACCOUNTING', 'SALES', 'PURCHASER', 'PAYER']);
export type ContactPosition = z.infer<typeof contactPositionSchema>;

export const contactBodySchema = z.object({
  /** The Upflow id of a contact the customer already holds: the one key every reading of Upflow matches on. */
  id: z.string().optional(),
  /** Required for a new contact; a held contact Upflow keeps without email is sent back by its id alone. */
  email: z.string().min(1).optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
  externalId: z.string().optional(),
  /** A held contact is sent back with its own position, which may be one the organisation added. */
  position: z.string().optional(),
  isMain: z.boolean().optional(),
}).refine((c) => c.id !== undefined || c.email !== undefined, { message: 'a new contact needs an email' });
export type ContactBody = z.infer<typeof contactBodySchema>;

export const addressSchema = z.object({
  address: z.string().optional(),
  zipcode: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
});

export const parentRefSchema = z.union([z.object({ id: z.string() }), z.object({ externalId: z.string() })]);

export const customerBodySchema = z.object({
  name: z.string().min(1),
  externalId: z.string().optional(),
  accountingRef: z.string().optional(),
  vatNumber: z.string().optional(),
  address: addressSchema.optional(),
  parent: parentRefSchema.optional(),
  accountManagerId: z.string().optional(),
  dunningPlanId: z.string().optional(),
  customFields: z.array(z.object({ id: z.string(), value: z.string() })).optional(),
  contacts: z.array(contactBodySchema).optional(),
});
export type CustomerBody = z.infer<typeof customerBodySchema>;

export const contactSchema = z.object({
  id: z.string(),
  email: text,
  firstName: text,
  lastName: text,
  phone: text,
  externalId: text,
  position: text,
  isMain: z.boolean().nullish(),
});
export type Contact = z.infer<typeof contactSchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string().nullish().transform((v) => v ?? ''),
  externalId: text,
  accountingRef: text,
  vatNumber: text,
  address: z.object({ address: text, zipcode: text, city: text, state: text, country: text }).nullish(),
  parent: z.object({ id: z.string(), externalId: text, name: text }).nullish(),
  accountManagerId: text,
  accountManagerIds: z.array(z.string()).nullish(),
  dunningPlanId: text,
  /** Absent when the list does not carry contacts ([open]): then they are unknown, not none. */
  contacts: z.array(contactSchema).nullish(),
  directUrl: text,
});
export type Customer = z.infer<typeof customerSchema>;

/** One page of a list: its items under whichever key the answer uses, and the total when given. */
export interface Page<T> { items: T[]; total: number | null }

const count = z.number().int().nonnegative().nullish().transform((v) => v ?? null);
const pageShape = z.object({ total: count }).passthrough();

/** Reads a page leniently: an array, or an object holding the array under one of `keys`. */
export function pageOf<T>(data: unknown, keys: readonly string[], item: z.ZodType<T>): Page<T> | null {
  const list = Array.isArray(data) ? data : keys.map((k) => (data && typeof data === 'object' ? (data as Record<string, unknown>)[k] : undefined)).find(Array.isArray);
  if (!Array.isArray(list)) return null;
  const items = z.array(item).safeParse(list);
  if (!items.success) return null;
  const meta = Array.isArray(data) ? null : pageShape.safeParse(data);
  return { items: items.data, total: meta?.success ? meta.data.total : null };
}

/** The answers of /users and /dunning_plans as saved to a file (the CLI reads those too). */
export const usersResponseSchema = z.object({ users: z.array(memberSchema) });
export const dunningPlansResponseSchema = z.object({ items: z.array(dunningPlanSchema) });
