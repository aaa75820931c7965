import { readFileSync } from 'node:fs';
import * as z from '../engine/zod';
import { parseCsv, type CsvProblem } from '../engine/csv';
import { decodeText, type TextEncodingName } from '../engine/decode';
import { dunningPlanSchema, memberSchema, usersResponseSchema, dunningPlansResponseSchema } from '../engine/upflow/schemas';

export class UsageError extends Error {}

function readBytes(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`Cannot read ${what} "${path}": ${reason}.`);
  }
}

const readText = (path: string, what: string): string => decodeText(readBytes(path, what)).text;

export interface CsvInput {
  /** Rows as a sheet would show them: blank lines kept, so cell references match the file's rows. */
  grid: string[][];
  encoding: TextEncodingName;
  problems: CsvProblem[];
}

/** Reads a CSV file in any encoding a spreadsheet saves (see src/engine/decode.ts). */
export function readCsvFile(path: string): CsvInput {
  const { text, encoding } = decodeText(readBytes(path, 'the file'));
  const { rows, problems } = parseCsv(text, { keepBlankLines: true });
  if (rows.length === 0) throw new UsageError(`"${path}" has no lines.`);
  return { grid: rows, encoding, problems };
}

/** Accepts what GET /users or GET /dunning_plans answer, or a bare array of their items. */
function readList<T>(path: string, what: string, item: z.ZodMiniType<T>, wrapped: z.ZodMiniType<T[]>): T[] {
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

export const readMembers = (path: string) =>
  readList(
    path,
    'The members file',
    memberSchema,
    z.pipe(
      usersResponseSchema,
      z.transform((r) => r.users),
    ),
  );
export const readWorkflows = (path: string) =>
  readList(
    path,
    'The workflows file',
    dunningPlanSchema,
    z.pipe(
      dunningPlansResponseSchema,
      z.transform((r) => r.items),
    ),
  );
