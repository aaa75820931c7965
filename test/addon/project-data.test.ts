import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { parsePhoneNumberFromString as parseWith, type MetadataJson } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/mobile/examples';
import max from 'libphonenumber-js/max/metadata';
import { createAppsScript } from '@upflow-sheets/apps-script-emulator';
import { countryData, type CountryData } from '../../src/engine/rules/country-data';
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { projectDataFiles, projectDataModules } from '../../scripts/bundle-plugins.mjs';

interface Bundled {
  phone: MetadataJson;
  countryData: () => CountryData;
}

/**
 * The phone metadata and country modules as dist/Code.js gets them, evaluated where Apps Script's
 * Utilities and HtmlService exist, with the project's data files build.mjs writes.
 */
async function bundledModules(): Promise<Bundled> {
  const { outputFiles } = await build({
    stdin: {
      contents: "export { default as phone } from 'libphonenumber-js/max/metadata';\nexport { countryData } from './src/engine/rules/country-data';",
      resolveDir: new URL('../..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'bundled',
    write: false,
    plugins: [projectDataModules],
  });
  const { globals } = createAppsScript({ files: (projectDataFiles as () => Record<string, string>)() });
  // Evaluated in this realm, so that libphonenumber-js's own checks see plain objects.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundled modules are code to run, as Apps Script does
  const evaluate = new Function('Utilities', 'HtmlService', `${outputFiles[0]!.text}\nreturn bundled;`) as (utilities: unknown, html: unknown) => Bundled;
  return evaluate(globals.Utilities, globals.HtmlService);
}

describe('data the Apps Script bundle reads from project files', async () => {
  const bundled = await bundledModules();

  it('unpacks to exactly libphonenumber-js\'s "max" metadata', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(bundled.phone)), max);
  });

  it("gives libphonenumber's verdict on every example number, valid or with a digit dropped", () => {
    let checked = 0;
    for (const [country, national] of Object.entries(examples as Record<string, string>)) {
      for (const text of [national, national.slice(0, -1), `+${(max.countries as Record<string, unknown[]>)[country]?.[0]}${national}`]) {
        const expected = parseWith(text, country as never, max);
        const actual = parseWith(text, country as never, bundled.phone);
        assert.deepEqual(
          actual && [actual.number, actual.isValid(), actual.getType(), actual.formatInternational()],
          expected && [expected.number, expected.isValid(), expected.getType(), expected.formatInternational()],
          `${country} ${text}`,
        );
        checked++;
      }
    }
    assert.ok(checked > 700);
  });

  it("unpacks to exactly i18n-iso-countries's codes and English and French names", () => {
    assert.deepEqual(bundled.countryData(), countryData());
  });
});
