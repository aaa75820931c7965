// esbuild plugins for dist/Code.js only: Apps Script evaluates the whole file on every execution
// (each sidebar call, each edit), so what the add-on never uses, or uses rarely, should cost nothing
// there. Node (CLI, tests, playground server code) keeps the packages as published.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

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

/**
 * zod marks its schema builders free of side effects (`@__NO_SIDE_EFFECTS__`), but esbuild honours
 * that only inside the file that declares them: a schema the server never parses with (one kept
 * for its type, like most views of src/shared/api.ts) is still built on every execution. Marking
 * each `z.…(…)` call of our sources pure lets esbuild drop those, and nothing else changes: a
 * call whose value is used stays as it is.
 */
export const pureZodCalls = {
  name: 'pure-zod-calls',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!/^import \* as z from '[./]+(engine\/)?zod';$/m.test(source)) return undefined;
      return { contents: source.replace(/(?<![\w.$])z\.(\w+)\(/g, '/* @__PURE__ */ z.$1('), loader: 'ts' };
    });
  },
};
