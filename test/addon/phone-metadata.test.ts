import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import { parsePhoneNumberFromString as parseWith, type MetadataJson } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/mobile/examples';
import max from 'libphonenumber-js/max/metadata';
import { createAppsScript } from '@upflow-sheets/apps-script-emulator';
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { phoneMetadataSource } from '../../scripts/bundle-plugins.mjs';

/** The phone metadata module dist/Code.js gets, evaluated where Apps Script's Utilities exist. */
function bundledMetadata(): MetadataJson {
  const { code } = transformSync((phoneMetadataSource as () => string)(), { format: 'iife', globalName: 'phoneMetadata' });
  // Evaluated in this realm, so that libphonenumber-js's own checks see plain objects.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundled module is code to run, as Apps Script does
  const evaluate = new Function('Utilities', `${code}\nreturn phoneMetadata.default;`) as (utilities: unknown) => MetadataJson;
  return evaluate(createAppsScript().globals.Utilities);
}

describe('phone metadata in the Apps Script bundle', () => {
  const bundled = bundledMetadata();

  it('unpacks to exactly libphonenumber-js\'s "max" metadata', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(bundled)), max);
  });

  it("gives libphonenumber's verdict on every example number, valid or with a digit dropped", () => {
    let checked = 0;
    for (const [country, national] of Object.entries(examples as Record<string, string>)) {
      for (const text of [national, national.slice(0, -1), `+${(max.countries as Record<string, unknown[]>)[country]?.[0]}${national}`]) {
        const expected = parseWith(text, country as never, max);
        const actual = parseWith(text, country as never, bundled);
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
});
