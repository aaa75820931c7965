import type { ApiSubset } from './api-types';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';

const DEFAULT_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 21600;
const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 100 * 1024;

/** One cache's entries; expiry is read against the emulator's clock. */
export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
}

function checkedKey(key: string): string {
  const text = String(key);
  if (text.length > MAX_KEY_CHARS) fail('Argument too large: key');
  return text;
}

export class EmulatedCache implements ApiSubset<GoogleAppsScript.Cache.Cache, keyof GoogleAppsScript.Cache.Cache> {
  constructor(
    readonly rt: Runtime,
    readonly store: CacheStore,
  ) {}

  get(key: string): string | null {
    return lookup(this, checkedKey(key));
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = lookup(this, checkedKey(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    store(this, key, value, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    for (const [key, value] of Object.entries(values)) store(this, key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.store.entries.delete(checkedKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.store.entries.delete(checkedKey(key));
  }
}
instrument(EmulatedCache, 'Cache');

function lookup(cache: EmulatedCache, key: string): string | null {
  const entries = cache.store.entries;
  const entry = entries.get(key);
  if (!entry) return null;
  if (entry.expiresAt <= cache.rt.now()) {
    entries.delete(key);
    return null;
  }
  return entry.value;
}

function store(cache: EmulatedCache, key: string, value: unknown, expirationInSeconds = DEFAULT_EXPIRATION_S): void {
  const text = String(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) fail('Argument too large: value');
  // Longer expirations are silently capped at six hours, as documented.
  const seconds = Math.max(1, Math.min(MAX_EXPIRATION_S, expirationInSeconds));
  cache.store.entries.set(checkedKey(key), { value: text, expiresAt: cache.rt.now() + seconds * 1000 });
}

export interface CacheStores {
  /** One user cache per person: a collaborator's starts empty. */
  user: (email: string) => CacheStore;
  document: CacheStore;
  script: CacheStore;
}

type ServiceMethods = 'getDocumentCache' | 'getScriptCache' | 'getUserCache';

export class EmulatedCacheService implements ApiSubset<GoogleAppsScript.Cache.CacheService, ServiceMethods> {
  constructor(
    readonly rt: Runtime,
    private readonly stores: CacheStores,
  ) {}

  getUserCache(): EmulatedCache {
    return new EmulatedCache(this.rt, this.stores.user(this.rt.user));
  }

  getDocumentCache(): EmulatedCache {
    return new EmulatedCache(this.rt, this.stores.document);
  }

  getScriptCache(): EmulatedCache {
    return new EmulatedCache(this.rt, this.stores.script);
  }
}
instrument(EmulatedCacheService, 'CacheService');
