import * as z from '../engine/zod';
import type { AppError, Result } from '../shared/api';
import type { Wire } from '../shared/wire';
import { guard, userError } from './result';

type Schemas = readonly z.core.$ZodType[];
type Sent<S extends Schemas> = { -readonly [I in keyof S]: z.input<S[I]> };
type Parsed<S extends Schemas> = { -readonly [I in keyof S]: z.output<S[I]> };
/**
 * The function google.script.run calls, when its arguments and its answer survive the trip; else
 * a type naming the fault, which the table's `satisfies` (src/server/api.ts) refuses.
 */
type Carried<S extends Schemas, T> =
  Sent<S> extends Wire<Sent<S>>
    ? T extends Wire<T>
      ? (...args: Sent<S>) => Result<T>
      : { 'this answer cannot cross google.script.run': T }
    : { 'these arguments cannot cross google.script.run': Sent<S> };

/** What every entry of the table must be. */
export type ServerFunction = (...args: never[]) => Result<unknown>;

/** What a sidebar that sends something else hears: only an outdated or altered page can. */
export const REQUEST_INVALID: AppError = { code: 'REQUEST_INVALID', message: 'The add-on could not read what the sidebar sent. Reload the sidebar and try again.' };

export interface Endpoint<S extends Schemas, T> {
  /** One schema per argument, in the order the sidebar passes them. */
  input: S;
  /** The answer when an argument does not parse: one for all, or one per argument. */
  invalid?: AppError | { readonly [I in keyof S]: AppError };
  run: (...args: Parsed<S>) => T;
}

/**
 * A server function as google.script.run calls it: every argument parsed before `run` sees it,
 * and every outcome a value (src/server/result.ts), never an exception. Its type, seen from the
 * sidebar (sidebar/rpc.ts), is what it accepts and answers.
 */
export function endpoint<const S extends Schemas, T>(spec: Endpoint<S, T>): Carried<S, T> {
  const invalid: readonly (AppError | undefined)[] = Array.isArray(spec.invalid) ? spec.invalid : spec.input.map(() => spec.invalid as AppError | undefined);
  const call = (...raw: unknown[]) => guard(() => spec.run(...(parse(spec.input, invalid, raw) as Parsed<S>)));
  return call as Carried<S, T>;
}

function parse(input: Schemas, invalid: readonly (AppError | undefined)[], raw: readonly unknown[]): unknown[] {
  if (raw.length > input.length) throw refusal(REQUEST_INVALID);
  return input.map((schema, i) => {
    const parsed = z.safeParse(schema, raw[i]);
    if (parsed.success) return parsed.data;
    throw refusal(invalid[i] ?? REQUEST_INVALID);
  });
}

const refusal = (error: AppError) => userError(error.code, error.message);
