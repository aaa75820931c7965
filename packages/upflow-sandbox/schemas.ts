/**
 * Request, seed and response shapes of the local Upflow API sandbox (zod 4; TypeScript types are
 * inferred from them). The contract is docs/upflow-api.md; choices not found there are
 * marked [inferred] next to the schema that makes them.
 */
import { z } from 'zod';

export const sourceSystemSchema = z.enum(['API', 'NATIVE_ACCOUNTING', 'SALESFORCE_NATIVE', 'SALESFORCE_API']);
export type SourceSystem = z.infer<typeof sourceSystemSchema>;

/** Positions are upper-case tokens: organisations add their own ([doc]); the routes check which exist. */
const positionToken = z.string().regex(/^[A-Z][A-Z0-9_]{0,40}$/, { message: 'must be a position code such as ACCOUNTING' });
export const memberPositionSchema = positionToken;
export type MemberPosition = z.infer<typeof memberPositionSchema>;

/** The four positions of Upflow's reference [spec]; an organisation may have more (see readings.ts). */
export const contactPositionSchema = positionToken;
export type ContactPosition = z.infer<typeof contactPositionSchema>;

/** A string that is not blank. Values are stored as sent (no trimming). */
const text = z.string().refine((s) => s.trim().length > 0, { message: 'must not be empty' });
/**
 * [inferred] Optional text fields accept `null`, which clears the stored value on an update;
 * an absent field keeps the stored value.
 */
const optionalText = text.nullable().optional();

/**
 * [inferred] Emails are checked for a basic `local@domain.tld` shape (Upflow sends reminders to
 * them, so it must refuse obviously wrong ones); the uniqueness check is case-insensitive.
 */
const emailSchema = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'must be a valid email address' });

const addressSchema = z.strictObject({
  address: optionalText,
  zipcode: optionalText,
  city: optionalText,
  state: optionalText,
  country: optionalText,
});

/** `parent: {id}` or `parent: {externalId}`, exactly one of them; `null` detaches the customer [inferred]. */
const parentRefSchema = z.strictObject({ id: text.optional(), externalId: text.optional() }).refine((p) => (p.id === undefined) !== (p.externalId === undefined), {
  message: 'must have exactly one of id or externalId',
});
export type ParentRef = z.infer<typeof parentRefSchema>;

/**
 * [inferred] A custom field value is a string, number, boolean or null; custom field ids are not
 * checked against a catalogue (the doc gives none). The list sent replaces the stored list.
 */
const customFieldSchema = z.strictObject({
  id: text,
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type CustomField = z.infer<typeof customFieldSchema>;

/**
 * Contact body. [inferred] Unknown fields are refused (400) rather than ignored, so a client that
 * misspells a field finds out against the sandbox instead of losing data silently.
 */
const contactFields = z.strictObject({
  /** [spec] The Upflow id of a contact the customer holds: it updates that contact. */
  id: z.string().optional(),
  /** Required to create a contact; a contact named by its `id` may leave it out. */
  email: emailSchema.optional(),
  firstName: optionalText,
  lastName: optionalText,
  phone: optionalText,
  externalId: optionalText,
  position: contactPositionSchema.nullable().optional(),
  isMain: z.boolean().optional(),
});
export const contactBodySchema = contactFields.refine((c) => c.id !== undefined || c.email !== undefined, { message: 'is required', path: ['email'] });
export type ContactBody = z.infer<typeof contactBodySchema>;

/** PUT /customers/{id}/contacts/{contactId}: the same fields, all optional. */
export const contactPatchSchema = contactFields.omit({ id: true }).partial();
export type ContactPatch = z.infer<typeof contactPatchSchema>;

/**
 * Customer body for POST /customers and PUT /customers/{id}. `name` is optional in the schema
 * because it is only needed to create: an upsert onto an existing externalId, or a PUT, may carry
 * only the fields it changes (this is how managers and workflows are assigned). Creating without a
 * name answers 400 naming the field.
 * [inferred] Unknown fields are refused (400), see contactBodySchema.
 */
export const customerBodySchema = z.strictObject({
  name: text.optional(),
  externalId: optionalText,
  accountingRef: optionalText,
  vatNumber: optionalText,
  address: addressSchema.nullable().optional(),
  parent: parentRefSchema.nullable().optional(),
  accountManagerId: text.nullable().optional(),
  dunningPlanId: text.nullable().optional(),
  customFields: z.array(customFieldSchema).optional(),
  contacts: z.array(contactBodySchema).optional(),
});
export type CustomerBody = z.infer<typeof customerBodySchema>;

/** [inferred body] POST /customers/{customerId}/account-managers. */
export const accountManagersBodySchema = z.strictObject({
  accountManagerIds: z.array(text),
});

const intParam = (min: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .refine((n) => n >= min, { message: `must be at least ${min}` });

/** Query of GET /customers; [inferred] `externalId` and `name` are exact-match filters. */
export const customerListQuerySchema = z.object({
  offset: intParam(0).optional(),
  limit: intParam(1).optional(),
  externalId: z.string().optional(),
  name: z.string().optional(),
});

export const pageQuerySchema = z.object({
  offset: intParam(0).optional(),
  limit: intParam(1).optional(),
});

export const faultsSchema = z.strictObject({
  errorRate: z.number().min(0).max(1).optional(),
  errorAfterApplyRate: z.number().min(0).max(1).optional(),
  dropRate: z.number().min(0).max(1).optional(),
  dropAfterApply: z.boolean().optional(),
  slowMs: z.number().int().min(0).max(120_000).optional(),
  burst429: z.number().int().min(0).optional(),
  seed: z.number().int().optional(),
});
export type Faults = z.infer<typeof faultsSchema>;

export const organizationPatchSchema = z.strictObject({
  name: text.optional(),
  sourceSystem: sourceSystemSchema.optional(),
});
export type OrganizationPatch = z.infer<typeof organizationPatchSchema>;

// ---------------------------------------------------------------------------------------------
// Seed file: the organisation the sandbox starts with (and goes back to on reset).

export const memberSchema = z.strictObject({
  id: text,
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  email: emailSchema,
  position: memberPositionSchema,
});

export const dunningPlanSchema = z.strictObject({
  id: text,
  name: text,
  /** [inferred values] e.g. AUTOMATIC / MANUAL; the doc only names the field. */
  mode: z.string().nullable().optional(),
  /** [inferred values] e.g. CUSTOMER / INVOICE; the doc only names the field. */
  entity: z.string().nullable().optional(),
});

const seedContactSchema = contactFields.extend({ id: z.uuid().optional(), email: emailSchema });
/** A seed customer is an API customer body plus fixed ids and several account managers. */
const seedCustomerSchema = customerBodySchema.extend({
  id: z.uuid().optional(),
  name: text,
  accountManagerIds: z.array(text).optional(),
  contacts: z.array(seedContactSchema).optional(),
});
export type SeedCustomer = z.infer<typeof seedCustomerSchema>;

export const seedSchema = z.strictObject({
  $comment: z.string().optional(),
  name: text,
  sourceSystem: sourceSystemSchema.default('API'),
  apiKey: text,
  apiSecret: text,
  members: z.array(memberSchema).default([]),
  dunningPlans: z.array(dunningPlanSchema).default([]),
  customers: z.array(seedCustomerSchema).default([]),
});
/** What a seed file holds (defaults optional). */
export type SeedInput = z.input<typeof seedSchema>;
/** A validated seed. */
export type Seed = z.output<typeof seedSchema>;

// ---------------------------------------------------------------------------------------------
// Response shapes (what the routes answer).

export interface ContactOut {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  externalId: string | null;
  position: ContactPosition | null;
  isMain: boolean;
}

export interface CustomerOut {
  id: string;
  externalId: string | null;
  name: string;
  accountingRef: string | null;
  vatNumber: string | null;
  address: { address: string | null; zipcode: string | null; city: string | null; state: string | null; country: string | null };
  parent: { id: string; externalId: string | null; name: string } | null;
  accountManagerId: string | null;
  accountManagerIds: string[];
  dunningPlanId: string | null;
  customFields: CustomField[];
  /** Absent from list items under the reading where the list carries no contacts. */
  contacts?: ContactOut[];
  directUrl: string;
  createdAt: string;
  updatedAt: string;
}

export interface MemberOut {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string;
  position: MemberPosition;
}

export interface DunningPlanOut {
  id: string;
  name: string;
  mode: string | null;
  entity: string | null;
}

export interface ErrorBody {
  message: string;
  error: string;
}
