/** The bundle's entry (build.mjs): Apps Script finds the add-on's functions on the global object. */
import { entryPoints } from './entry-points';

declare const global: Record<string, unknown>;

Object.assign(global, entryPoints);
