import * as z from './zod';
import { fieldIdSchema } from './fields';

export const severitySchema = z.enum(['error', 'warning']);

/**
 * One thing wrong with the sheet, pointing at a cell. Rows and columns are numbered as in the
 * sheet (row 1 is the first row of the sheet, column "A" the first column).
 */
export const problemSchema = z.deferred(() =>
  z.object({
    row: z.int().check(z.positive()),
    column: z.string(),
    cell: z.string(),
    field: z.nullable(fieldIdSchema),
    severity: severitySchema,
    code: z.string(),
    message: z.string(),
    fix: z.string(),
    /** A safe replacement for the cell's value the user can apply with one click. */
    suggestion: z.optional(z.string()),
  }),
);
export type Problem = z.infer<typeof problemSchema>;
export type Severity = z.infer<typeof severitySchema>;
