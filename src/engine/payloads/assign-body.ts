import { z } from 'zod';
import { customerBodySchema } from '../upflow/schemas';

/**
 * What "Assign customers" sends: the customer is found by External ID and only its managers and
 * workflow change. The name rides along for messages only, so it is optional here, unlike in
 * POST /customers; the other fields keep customerBodySchema's rules.
 */
export const assignBodySchema = customerBodySchema
  .pick({ accountManagerId: true, dunningPlanId: true })
  .extend({ name: customerBodySchema.shape.name.optional(), externalId: z.string().min(1) })
  .strict();
export type AssignBody = z.infer<typeof assignBodySchema>;
