// esbuild plugins for dist/Code.js only: Apps Script evaluates the whole file on every execution
// (each sidebar call, each edit), so what the add-on never uses, or uses rarely, should cost nothing
// there. Node (CLI, tests, playground server code) keeps the packages as published.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/**
 * Data the add-on needs only for some checks, kept out of dist/Code.js in HTML files of the Apps
 * Script project (build.mjs writes them to dist/): no execution evaluates those, and the first
 * check that needs one reads it through HtmlService, which simple triggers may use (it needs no
 * authorisation). Each is gzipped JSON in base64: only letters, digits, + / and =, which an HTML
 * file keeps as they are.
 * - PhoneMetadata: libphonenumber-js's "max" metadata (150 KB of patterns, needed for exact phone
 *   checks), less its calling codes, which the library reads when it loads.
 * - CountryNames: i18n-iso-countries's codes and English and French names
 *   (src/engine/rules/country-data.ts).
 */
function projectData() {
  const json = (path) => JSON.parse(readFileSync(require.resolve(path), 'utf8'));
  const phone = json('libphonenumber-js/metadata.max.json');
  return {
    PhoneMetadata: { countries: phone.countries, nonGeographic: phone.nonGeographic },
    CountryNames: {
      codes: json('i18n-iso-countries/codes.json'),
      names: { en: json('i18n-iso-countries/langs/en.json').countries, fr: json('i18n-iso-countries/langs/fr.json').countries },
    },
  };
}

/** The project files build.mjs writes beside Code.js: name (without .html) to content. */
export function projectDataFiles() {
  return Object.fromEntries(Object.entries(projectData()).map(([name, data]) => [name, gzipSync(Buffer.from(JSON.stringify(data)), { level: 9 }).toString('base64')]));
}

/** The bundle's reader of those files, as a module the replaced modules below import. */
const PROJECT_DATA_READER = `export function readProjectData(name) {
  const packed = HtmlService.createHtmlOutputFromFile(name).getContent();
  const gz = Utilities.newBlob(Utilities.base64Decode(packed), 'application/x-gzip');
  return JSON.parse(Utilities.ungzip(gz).getDataAsString());
}`;

/** libphonenumber-js's metadata module, reading its patterns from PhoneMetadata on the first phone check of an execution. */
export function phoneMetadataSource() {
  const metadata = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8'));
  const deferredModule = fileURLToPath(new URL('../src/engine/deferred.ts', import.meta.url));
  return `import { readProjectData } from 'project-data';
import { deferred } from ${JSON.stringify(deferredModule)};
const unpacked = deferred(() => readProjectData('PhoneMetadata'));
export default {
  version: ${JSON.stringify(metadata.version)},
  country_calling_codes: ${JSON.stringify(metadata.country_calling_codes)},
  countries: deferred(() => unpacked.countries),
  nonGeographic: deferred(() => unpacked.nonGeographic),
};
`;
}

/**
 * Replaces the modules whose data lives in project files (see projectData) in dist/Code.js. A
 * build in which one of them was not met (the module moved or was renamed) fails: otherwise its
 * data would silently go back into the bundle.
 */
export const projectDataModules = {
  name: 'project-data-modules',
  setup(build) {
    const replaced = new Set();
    const replace = (name, contents) => () => {
      replaced.add(name);
      return { contents, loader: 'js' };
    };
    build.onStart(() => replaced.clear());
    build.onResolve({ filter: /^project-data$/ }, () => ({ path: 'project-data', namespace: 'project-data' }));
    build.onLoad({ filter: /.*/, namespace: 'project-data' }, () => ({ contents: PROJECT_DATA_READER, loader: 'js' }));
    build.onLoad({ filter: /libphonenumber-js[\\/]metadata\.max\.json\.js$/ }, replace('PhoneMetadata', phoneMetadataSource()));
    build.onLoad(
      { filter: /[\\/]src[\\/]engine[\\/]rules[\\/]country-data\.ts$/ },
      replace('CountryNames', `import { readProjectData } from 'project-data';\nexport const countryData = () => readProjectData('CountryNames');`),
    );
    build.onEnd((result) => {
      if (result.errors.length) return undefined;
      const missed = Object.keys(projectData()).filter((name) => !replaced.has(name));
      return { errors: missed.map((name) => ({ text: `${name}: the module whose data it holds was not met; update its filter in scripts/bundle-plugins.mjs.` })) };
    });
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
