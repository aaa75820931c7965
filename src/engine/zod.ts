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

/** A schema built on first use (`z.deferred(() => z.object(…))`): see ./deferred.ts. */
export { deferred } from './deferred';
