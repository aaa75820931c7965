import { config } from 'zod/mini';
import { en } from 'zod/locales';

/**
 * zod's mini build, which the Apps Script bundle can tree-shake (Apps Script evaluates the whole
 * bundle on every execution), with the English messages zod's full build sets on import: a
 * message zod writes itself (a CLI argument, a payload breaking the API contract) reads the same.
 * Import zod from here, never from 'zod/mini' directly, so those messages are always set.
 */
config(en());

export * from 'zod/mini';

/**
 * A schema built the first time it is used rather than when its module loads: Apps Script
 * evaluates the whole bundle on every execution, and one execution parses with a few of the
 * schemas the add-on declares. Building one costs about as much as evaluating a kilobyte of code.
 * The schema itself stands in for it, so its type, and everything zod does with it, is unchanged.
 */
export function deferred<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const built = (): T => (schema ??= build());
  return new Proxy({} as T, {
    get: (_, name) => Reflect.get(built(), name),
    has: (_, name) => Reflect.has(built(), name),
    ownKeys: () => Reflect.ownKeys(built()),
    getOwnPropertyDescriptor: (_, name) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(built(), name);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
}
