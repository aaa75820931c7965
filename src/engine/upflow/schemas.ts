import { z } from 'zod';

/** Shapes of Upflow's API as docs/upflow-api.md records them; [inferred] parts are marked there. */

export const memberPositionSchema = z.enum(['ACCOUNT_MANAGER', 'FINANCE_USER']);
export const memberSchema = z.object({
  id: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string(),
  position: z.string().nullish(),
});
export type Member = z.infer<typeof memberSchema>;
export const usersResponseSchema = z.object({ users: z.array(memberSchema) });

export const dunningPlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.string().nullish(),
  entity: z.string().nullish(),
});
export type DunningPlan = z.infer<typeof dunningPlanSchema>;
export const dunningPlansResponseSchema = z.object({ items: z.array(dunningPlanSchema) });

export const contactPositionSchema = z.enum(['ACCOUNTING', 'SALES', 'PURCHASER', 'PAYER']);
export type ContactPosition = z.infer<typeof contactPositionSchema>;

export const contactBodySchema = z.object({
  email: z.string().min(1),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
  externalId: z.string().optional(),
  position: contactPositionSchema.optional(),
  isMain: z.boolean().optional(),
});
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

export const contactSchema = contactBodySchema.extend({
  id: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  phone: z.string().nullish(),
  externalId: z.string().nullish(),
  position: contactPositionSchema.nullish(),
  isMain: z.boolean().nullish(),
});
export type Contact = z.infer<typeof contactSchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string().nullish(),
  accountingRef: z.string().nullish(),
  vatNumber: z.string().nullish(),
  address: z.object({
    address: z.string().nullish(),
    zipcode: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    country: z.string().nullish(),
  }).nullish(),
  parent: z.object({ id: z.string(), externalId: z.string().nullish(), name: z.string().nullish() }).nullish(),
  accountManagerId: z.string().nullish(),
  accountManagerIds: z.array(z.string()).nullish(),
  dunningPlanId: z.string().nullish(),
  contacts: z.array(contactSchema).nullish(),
  directUrl: z.string().nullish(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customersPageSchema = z.object({
  offset: z.number(),
  limit: z.number(),
  total: z.number(),
  customers: z.array(customerSchema),
});

export const errorBodySchema = z.object({ message: z.string().optional(), error: z.string().optional() });
