import * as z from '../zod';
import { customerBodySchema } from '../upflow/schemas';

/**
 * What "Assign customers" sends: the customer is found by its Upflow ID (a pulled sheet's line) or
 * by External ID, and only its managers and workflow change. The name and External ID ride along
 * for matching and messages only, so they are optional here, unlike in POST /customers; the other
 * fields keep customerBodySchema's rules.
 */
export const assignBodySchema = z.deferred(() =>
  z.strictObject({
    ...z.pick(customerBodySchema, { accountManagerId: true, dunningPlanId: true }).shape,
    name: z.optional(customerBodySchema.shape.name),
    externalId: z.optional(z.string().check(z.minLength(1))),
  }),
);
export type AssignBody = z.infer<typeof assignBodySchema>;
