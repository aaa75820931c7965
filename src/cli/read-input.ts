import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCsv } from '../engine/csv';
import { dunningPlanSchema, memberSchema, usersResponseSchema, dunningPlansResponseSchema } from '../engine/upflow/schemas';

export class UsageError extends Error {}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`Cannot read ${what} "${path}": ${reason}.`);
  }
}

export function readCsvFile(path: string): string[][] {
  const { rows } = parseCsv(readText(path, 'the file'));
  if (rows.length === 0) throw new UsageError(`"${path}" has no lines.`);
  return rows;
}

/** Accepts what GET /users or GET /dunning_plans answer, or a bare array of their items. */
function readList<T>(path: string, what: string, item: z.ZodType<T>, wrapped: z.ZodType<T[]>): T[] {
  let json: unknown;
  try {
    json = JSON.parse(readText(path, what));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what} "${path}" is not JSON.`);
  }
  const parsed = z.union([wrapped, z.array(item)]).safeParse(json);
  if (!parsed.success) throw new UsageError(`${what} "${path}" is not in the form Upflow's API answers.`);
  return parsed.data;
}

export const readMembers = (path: string) => readList(path, 'The members file', memberSchema, usersResponseSchema.transform((r) => r.users));
export const readWorkflows = (path: string) => readList(path, 'The workflows file', dunningPlanSchema, dunningPlansResponseSchema.transform((r) => r.items));
