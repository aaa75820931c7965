const all: Array<Map<unknown, unknown>> = [];

/**
 * A cache of results by input (phone numbers, VAT numbers, postal codes... repeat across the
 * lines of a sheet). Caches live for one validation: `clearMemos` empties them so a long-lived
 * process (the CLI, the sandbox) doesn't keep every value it ever checked.
 */
export function memo<K, V>(): Map<K, V> {
  const map = new Map<K, V>();
  all.push(map);
  return map;
}

export function clearMemos(): void {
  for (const map of all) map.clear();
}

/** A memo per country, so lookups need no concatenated key. */
export class CountryMemo<V> {
  private readonly byCountry = memo<string, Map<string, V>>();

  get(country: string | undefined, text: string): V | undefined {
    return this.byCountry.get(country ?? '')?.get(text);
  }

  set(country: string | undefined, text: string, value: V): void {
    let forCountry = this.byCountry.get(country ?? '');
    if (!forCountry) this.byCountry.set(country ?? '', (forCountry = new Map<string, V>()));
    forCountry.set(text, value);
  }
}
