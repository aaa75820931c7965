import { CountryMemo } from './memo';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { countryName } from './country';
import { PLAIN_TEXT_FIX, labelled } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const POSTAL_CODE_PROBLEMS = {
  POSTAL_CODE_INVALID: 'Invalid postal codes',
  LEADING_ZERO_LOST: 'Postal codes that lost a leading zero',
} as const;

/** Countries whose postal codes are N digits, some starting with 0: a number cell shorter than N lost its zeros. */
const DIGITS: Readonly<Record<string, number>> = {
  FR: 5,
  MC: 5,
  DE: 5,
  IT: 5,
  ES: 5,
  US: 5,
  FI: 5,
  EE: 5,
  HR: 5,
  LT: 5,
  SE: 5,
  GR: 5,
  CZ: 5,
  SK: 5,
  MX: 5,
  BE: 4,
  CH: 4,
  LI: 4,
  AT: 4,
  DK: 4,
  NO: 4,
  LU: 4,
  CY: 4,
  HU: 4,
  BG: 4,
  SI: 4,
  LV: 4,
  AU: 4,
  PT: 4,
  RO: 6,
  IN: 6,
  CN: 6,
  SG: 6,
};

const EXAMPLES: Readonly<Record<string, string>> = {
  FR: '75008',
  DE: '10115',
  IT: '00184',
  ES: '28001',
  US: '10001',
  GB: 'SW1A 2AA',
  BE: '1000',
  CH: '1201',
  NL: '1012 AB',
  LU: '1009',
  PT: '1000-001',
  CA: 'K1A 0B1',
  IE: 'D02 X285',
  AT: '1010',
  PL: '00-950',
};

/**
 * Letters written before a postal code to name its country: the ISO code, or the old
 * international vehicle code European mail used ("D-10115", "F-75008", "CH-1201").
 */
const WRITTEN_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  DE: ['D'],
  FR: ['F'],
  BE: ['B'],
  AT: ['A'],
  IT: ['I'],
  ES: ['E'],
  PT: ['P'],
  LU: ['L'],
  NL: ['NL'],
  CH: ['CH'],
  LI: ['FL'],
  MC: ['MC'],
  DK: ['DK'],
  SE: ['S'],
  NO: ['N'],
  FI: ['FIN', 'SF'],
  PL: ['PL'],
  CZ: ['CZ'],
  SK: ['SK'],
  HU: ['H'],
  SI: ['SLO'],
  HR: ['HR'],
  GR: ['GR'],
};

/**
 * The code as the country's format has it: a country prefix dropped ("D-10115", "FR 75008") and,
 * in France, the CEDEX mention that belongs to the city line ("75008 CEDEX 08").
 */
export function plainPostalCode(text: string, country: string): string {
  let code = text.trim();
  const prefixes = [country, ...(WRITTEN_PREFIXES[country] ?? [])];
  const prefixed = /^([A-Za-z]{1,3})\s*[-–]?\s*(\d.*)$/.exec(code);
  if (prefixed && prefixes.includes(prefixed[1]!.toUpperCase())) code = prefixed[2]!;
  // Polish codes are written NN-NNN; the dash is often left out.
  if (country === 'PL' && /^\d{5}$/.test(code)) code = `${code.slice(0, 2)}-${code.slice(2)}`;
  if (country === 'FR' || country === 'MC' || FRENCH_OVERSEAS.includes(country)) code = code.replace(/^(\d{5})\s*cedex(?:\s*\d{1,2})?$/i, '$1');
  return code;
}

const FRENCH_OVERSEAS = ['RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF'];

const validity = new CountryMemo<boolean>();

function isValid(code: string, country: string): boolean {
  let valid = validity.get(country, code);
  if (valid === undefined) {
    // The library's patterns expect capitals (e.g. Dutch "1012 AB").
    valid = !postcodeValidatorExistsForCountry(country) || postcodeValidator(code.toUpperCase(), country);
    validity.set(country, code, valid);
  }
  return valid;
}

/**
 * Checks a postal code against the country's format, for countries postcode-validator knows.
 * Too few digits is a lost leading zero: certain when the cell is a number (the spreadsheet
 * dropped it; a warning, and the record gets the zero back), only likely in text, where a digit
 * may be missing instead (an error, with the padded code as suggestion: the user decides).
 * A country prefix or a CEDEX mention is dropped silently (see plainPostalCode).
 * Returns the value for the record.
 */
export function checkPostalCode(report: Report, line: number, written: string, wasNumber: boolean, country: string | undefined): string {
  if (!country) return written;
  const text = plainPostalCode(written, country);
  const length = DIGITS[country];
  if (length === undefined || text.length >= length || !/^\d+$/.test(text)) {
    if (!isValid(text, country)) reportInvalid(report, line, written, country);
    return text;
  }
  const padded = text.padStart(length, '0');
  if (!wasNumber) {
    report.error(
      line,
      'postalCode',
      'LEADING_ZERO_LOST',
      `${labelled('postalCode', text)} is too short for ${countryName(country)}: it probably lost its leading zero (${padded}), as happens when a spreadsheet or a CSV export treats it as a number.`,
      `Apply the suggested postal code if it is the right one, otherwise type the full code. ${PLAIN_TEXT_FIX}`,
      padded,
    );
    return text;
  }
  report.warning(
    line,
    'postalCode',
    'LEADING_ZERO_LOST',
    `${labelled('postalCode', text)} lost its leading zero: the spreadsheet turned it into a number. In ${countryName(country)} it is ${padded}.`,
    `Apply the suggested postal code. ${PLAIN_TEXT_FIX}`,
    padded,
  );
  if (!isValid(padded, country)) reportInvalid(report, line, padded, country);
  return padded;
}

function reportInvalid(report: Report, line: number, code: string, country: string): void {
  const example = EXAMPLES[country];
  report.error(
    line,
    'postalCode',
    'POSTAL_CODE_INVALID',
    `${labelled('postalCode', code)} isn't a valid postal code for ${countryName(country)}.`,
    `Check the postal code${example ? ` (a postal code in ${countryName(country)} looks like ${example})` : ''}, and the Country of the line.`,
  );
}
