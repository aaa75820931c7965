/**
 * What crosses google.script.run, per Google's reference (developers.google.com/apps-script/guides/
 * html/reference/run): primitives (number, boolean, string, null) and objects and arrays made of
 * them. "Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other
 * prohibited type, including prohibited types inside objects or arrays. Objects that create circular
 * references will also fail, and undefined fields within arrays become null." Return values "are
 * subject to the same restrictions". The object arriving is a copy.
 *
 * Not confirmed by a source: which other types are "prohibited" (the emulator refuses anything
 * that is not a plain object or array: Map, Set, class instances, symbols, bigints) and how
 * undefined object fields travel (dropped here, as JSON does).
 */
export class ScriptRunError extends Error {}

function copy(value: unknown, path: string, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // JSON carries NaN and Infinity as null; no source says otherwise for google.script.run.
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') throw new ScriptRunError(`${path} is a ${typeof value}, which google.script.run cannot carry.`);
  // Cross-realm safe: values made in a vm context have that context's Date and Object.
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') throw new ScriptRunError(`${path} is a Date, which google.script.run cannot carry: send its text or its time in milliseconds.`);
  if (seen.has(value)) throw new ScriptRunError(`${path} refers back to itself, which google.script.run cannot carry.`);
  seen.add(value);
  try {
    // Array.from, not map: map would make the copy with the sending realm's Array.
    if (Array.isArray(value)) return Array.from(value as unknown[], (item, i) => (item === undefined ? null : copy(item, `${path}[${i}]`, seen)));
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      throw new ScriptRunError(`${path} is a ${tag.slice(8, -1)}, not a plain object: google.script.run cannot carry it.`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = copy(field, `${path}.${key}`, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

/** The arguments as the server function receives them; throws as the failed request would. */
export function sentArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => (arg === undefined ? null : copy(arg, `argument ${i + 1}`, new Set())));
}

/** The value as the page's success handler receives it; throws as the failed request would. */
export function returnedValue(value: unknown): unknown {
  return value === undefined ? null : copy(value, 'the returned value', new Set());
}
