import type { Key, Place } from './keys';

/**
 * The one place that reads and writes Apps Script's properties and caches: every key, where it
 * lives and its schema are listed in src/server/store/keys.ts.
 */

const isCache = (place: Place) => place === 'userCache' || place === 'documentCache';
const properties = (place: Place) => (place === 'userProperties' ? PropertiesService.getUserProperties() : PropertiesService.getDocumentProperties());
/** A document cache exists only for a script bound to a document: elsewhere nothing is kept. */
const cache = (place: Place) => (place === 'userCache' ? CacheService.getUserCache() : CacheService.getDocumentCache());

/** Apps Script's own default when put is given no time (developers.google.com/apps-script/reference/cache/cache). */
const CACHE_DEFAULT_SECONDS = 600;

export function read<T>(key: Key<T>): T | null {
  const raw = isCache(key.place) ? cache(key.place)?.get(key.name) : properties(key.place).getProperty(key.name);
  return raw === null || raw === undefined ? null : key.codec.decode(raw);
}

/** Throws as Apps Script does when the value is too big for its place. */
export function write<T>(key: Key<T>, value: T): void {
  const raw = key.codec.encode(value);
  if (isCache(key.place)) cache(key.place)?.put(key.name, raw, key.seconds ?? CACHE_DEFAULT_SECONDS);
  else properties(key.place).setProperty(key.name, raw);
}

export function remove(key: Key<unknown>): void {
  if (isCache(key.place)) cache(key.place)?.remove(key.name);
  else properties(key.place).deleteProperty(key.name);
}

type Values<G extends Record<string, Key<unknown>>> = { [K in keyof G]: G[K] extends Key<infer T> ? T : never };

/** Several properties of one place in one call (src/server/store/keys.ts: SETTINGS). */
export function readAll<G extends Record<string, Key<unknown>>>(group: G): { [K in keyof G]: Values<G>[K] | null } {
  const place = Object.values(group)[0]?.place ?? 'userProperties';
  const raw = properties(place).getProperties();
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(group)) {
    const text = raw[key.name];
    out[name] = text === undefined ? null : key.codec.decode(text);
  }
  return out as { [K in keyof G]: Values<G>[K] | null };
}

/** Several properties of one place in one call; those set to null are deleted. */
export function writeAll<G extends Record<string, Key<unknown>>>(group: G, values: { [K in keyof G]?: Values<G>[K] | null }): void {
  const place = Object.values(group)[0]?.place ?? 'userProperties';
  const store = properties(place);
  const set: Record<string, string> = {};
  const deleted: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const key = group[name];
    if (!key || value === undefined) continue;
    if (value === null) deleted.push(key.name);
    else set[key.name] = key.codec.encode(value);
  }
  store.setProperties(set);
  for (const name of deleted) store.deleteProperty(name);
}

/**
 * A cache value holds at most 100 KB: a longer one is kept in parts of this many characters (4
 * bytes each at most in UTF-8, so under the limit), all put and read in one call each.
 */
const PART_CHARS = 24_000;
/** The parts' keys carry the time they were written, so parts of two writes never mix. */
const partName = (key: Key<unknown>, stamp: string, i: number) => `${key.name}.${stamp}.${i}`;

/** A value kept with writeInParts; null when any part is gone (the cache may drop any entry early). */
export function readInParts<T>(key: Key<T>): T | null {
  const store = cache(key.place);
  const head = /^(\w+):(\d+)$/.exec(store?.get(key.name) ?? '');
  if (!store || !head) return null;
  const [, stamp = '', count] = head;
  const names = Array.from({ length: Number(count) }, (_, i) => partName(key, stamp, i));
  const parts = store.getAll(names) as Record<string, string | undefined>;
  if (names.some((n) => parts[n] === undefined)) return null;
  return key.codec.decode(names.map((n) => parts[n]).join(''));
}

/** Keeps a cache value of any length; the key itself holds the parts' stamp and count. */
export function writeInParts<T>(key: Key<T>, value: T): void {
  const text = key.codec.encode(value);
  const stamp = Date.now().toString(36);
  const entries: Record<string, string> = {};
  let count = 0;
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + PART_CHARS, text.length);
    // Never between the two halves of a character outside the BMP (an emoji in a name).
    if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
    entries[partName(key, stamp, count++)] = text.slice(at, end);
    at = end;
  }
  entries[key.name] = `${stamp}:${count}`;
  cache(key.place)?.putAll(entries, key.seconds ?? CACHE_DEFAULT_SECONDS);
}
