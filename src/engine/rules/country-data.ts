// i18n-iso-countries's data, not its code: its entry registers locales and builds lookup maps when
// it loads, and dist/Code.js reads this data from a project file instead (scripts/bundle-plugins.mjs).
import codes from 'i18n-iso-countries/codes.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';

/** A country's names in one language: the official one first. */
type Names = Readonly<Record<string, string | readonly string[]>>;

export interface CountryData {
  /** [alpha-2, alpha-3, numeric, ISO 3166-2] of every country. */
  codes: readonly (readonly string[])[];
  /** English and French names by alpha-2 code. */
  names: { en: Names; fr: Names };
}

export const countryData = (): CountryData => ({ codes, names: { en: en.countries, fr: fr.countries } });
