/**
 * A value built the first time it is used rather than when its module loads: Apps Script
 * evaluates the whole bundle on every execution, and one execution uses few of the schemas the
 * add-on declares (src/engine/zod.ts) or none of the phone metadata (scripts/bundle-plugins.mjs).
 * The stand-in reads through to the built value, so its type, and everything done with it, is
 * unchanged.
 */
export function deferred<T extends object>(build: () => T): T {
  let value: T | undefined;
  const built = (): T => (value ??= build());
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
