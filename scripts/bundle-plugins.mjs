// esbuild plugins for dist/Code.js only: Apps Script evaluates the whole file on every execution
// (each sidebar call, each edit), so what the add-on never uses, or uses rarely, should cost nothing
// there. Node (CLI, tests, playground server code) keeps the packages as published.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * `import { z } from 'zod'` gets zod's classic API without its 40 translated locales and without
 * `z.locales`, `z.toJSONSchema`, `z.fromJSONSchema`, `z.core` (scripts/zod-lean.mjs): about 300 KB
 * less, the same schemas and English messages.
 */
export const leanZod = {
  name: 'lean-zod',
  setup(build) {
    const entry = fileURLToPath(new URL('./zod-lean-entry.mjs', import.meta.url));
    build.onResolve({ filter: /^zod$/ }, () => ({ path: entry }));
  },
};

/**
 * zod's JSON Schema conversion (`schema.toJSONSchema()`, `~standard.jsonSchema`), which the add-on
 * never calls, replaced by functions that say so: 20 KB less. The stubs export the same names as
 * the real modules, read from them at build time.
 */
export const noJsonSchema = {
  name: 'no-json-schema',
  setup(build) {
    build.onLoad({ filter: /zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/ }, async ({ path }) => {
      const names = Object.keys(await import(pathToFileURL(path).href));
      const unavailable = 'function unavailable() { throw new Error("JSON Schema conversion is not part of the Apps Script bundle (scripts/bundle-plugins.mjs)"); }';
      return { contents: `${unavailable}\n${names.map((n) => (n === 'default' ? 'export default unavailable;' : `export const ${n} = unavailable;`)).join('\n')}`, loader: 'js' };
    });
  },
};

/**
 * libphonenumber-js's "max" metadata (150 KB of patterns, needed for exact phone checks) as a
 * gzipped string, unpacked with Apps Script's Utilities on the first phone check of an execution:
 * the same data (test/emulator/phone-metadata.test.ts), 100 KB smaller, and nothing to parse in
 * executions that check no phone. Calling codes stay plain: they are read when the module loads.
 */
export function phoneMetadataSource() {
  const json = readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8');
  const metadata = JSON.parse(json);
  const packed = gzipSync(Buffer.from(json), { level: 9 }).toString('base64');
  return `let unpacked;
function unpack() {
  if (!unpacked) {
    const gz = Utilities.newBlob(Utilities.base64Decode(${JSON.stringify(packed)}), 'application/x-gzip');
    unpacked = JSON.parse(Utilities.ungzip(gz).getDataAsString());
  }
  return unpacked;
}
/** Reads through to the unpacked metadata the first time a key is asked for. */
function lazy(key) {
  const part = () => unpack()[key];
  return new Proxy({}, {
    get: (_, name) => part()[name],
    has: (_, name) => name in part(),
    ownKeys: () => Reflect.ownKeys(part()),
    getOwnPropertyDescriptor: (_, name) => {
      const d = Reflect.getOwnPropertyDescriptor(part(), name);
      return d && { ...d, configurable: true };
    },
  });
}
export default {
  version: ${JSON.stringify(metadata.version)},
  country_calling_codes: ${JSON.stringify(metadata.country_calling_codes)},
  countries: lazy('countries'),
  nonGeographic: lazy('nonGeographic'),
};
`;
}

export const lazyPhoneMetadata = {
  name: 'lazy-phone-metadata',
  setup(build) {
    build.onLoad({ filter: /libphonenumber-js[\\/]metadata\.max\.json\.js$/ }, () => ({ contents: phoneMetadataSource(), loader: 'js' }));
  },
};
