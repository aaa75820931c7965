import type { ApiSubset } from './api-types';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** One property store's contents; the three stores are separate instances. */
export class PropertyStore {
  readonly entries = new Map<string, string>();

  size(): number {
    let total = 0;
    for (const [key, value] of this.entries) total += byteLength(key) + byteLength(value);
    return total;
  }

  /** Applies a change only if the store stays within Apps Script's quotas. */
  update(change: (draft: Map<string, string>) => void): void {
    const draft = new Map(this.entries);
    change(draft);
    let total = 0;
    for (const [key, value] of draft) {
      if (byteLength(value) > MAX_VALUE_BYTES) fail('Argument too large: value');
      total += byteLength(key) + byteLength(value);
    }
    if (total > MAX_STORE_BYTES) fail('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.entries.clear();
    for (const [key, value] of draft) this.entries.set(key, value);
  }
}

export class EmulatedProperties implements ApiSubset<GoogleAppsScript.Properties.Properties, keyof GoogleAppsScript.Properties.Properties> {
  constructor(
    readonly rt: Runtime,
    private readonly store: PropertyStore,
  ) {}

  getProperty(key: string): string | null {
    return this.store.entries.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store.entries);
  }

  getKeys(): string[] {
    return [...this.store.entries.keys()];
  }

  setProperty(key: string, value: string): EmulatedProperties {
    this.store.update((draft) => draft.set(String(key), String(value)));
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): EmulatedProperties {
    this.store.update((draft) => {
      if (deleteAllOthers) draft.clear();
      for (const [key, value] of Object.entries(properties)) draft.set(key, String(value));
    });
    return this;
  }

  deleteProperty(key: string): EmulatedProperties {
    this.store.entries.delete(String(key));
    return this;
  }

  deleteAllProperties(): EmulatedProperties {
    this.store.entries.clear();
    return this;
  }
}
instrument(EmulatedProperties, 'Properties');

export interface PropertyStores {
  /** The document owner's user properties (the ones saved with the document's JSON). */
  user: PropertyStore;
  document: PropertyStore;
  script: PropertyStore;
}

type ServiceMethods = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';

export class EmulatedPropertiesService implements ApiSubset<GoogleAppsScript.Properties.PropertiesService, ServiceMethods> {
  constructor(
    readonly rt: Runtime,
    private readonly stores: PropertyStores,
    private readonly userStore: (email: string) => PropertyStore,
  ) {}

  /** The active user's own properties: a collaborator never sees the owner's. */
  getUserProperties(): EmulatedProperties {
    return new EmulatedProperties(this.rt, this.userStore(this.rt.user));
  }

  getDocumentProperties(): EmulatedProperties {
    return new EmulatedProperties(this.rt, this.stores.document);
  }

  getScriptProperties(): EmulatedProperties {
    return new EmulatedProperties(this.rt, this.stores.script);
  }
}
instrument(EmulatedPropertiesService, 'PropertiesService');
