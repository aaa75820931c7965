import { CountryMemo } from './memo';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { numberText } from '../cell';
import { countryName } from './country';
import { PLAIN_TEXT_FIX, labelled } from './messages';
import { countryOfCallingCode, fastE164, hasNationalShape } from './phone-fast';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const PHONE_PROBLEMS = {
  PHONE_INVALID: 'Invalid phone numbers',
  PHONE_UNUSUAL: 'Unusual phone numbers',
  PHONE_AS_NUMBER: 'Phone numbers stored as numbers',
  PHONE_COUNTRY_UNKNOWN: 'Phone numbers of an unknown country',
} as const;

const INTERNATIONAL_FIX = 'Check the digits, or write the number in international format: + and the country code first (e.g. +33 6 12 34 56 78).';

/** A parsed number: valid, or only plausible (right shape, but in no range known to be in use). */
interface Reading {
  phone: PhoneNumber;
  valid: boolean;
}

function read(text: string, country: string | undefined): Reading | undefined {
  let phone: PhoneNumber | undefined;
  try {
    phone = parsePhoneNumberFromString(text, country as CountryCode | undefined);
  } catch {
    // The library throws on a few inputs it can't even tokenise: they are simply not phone numbers.
    return undefined;
  }
  if (!phone) return undefined;
  if (phone.isValid()) return { phone, valid: true };
  const of = phone.country ?? countryOfCallingCode(phone.countryCallingCode);
  return phone.isPossible() && of !== undefined && hasNationalShape(of, phone.nationalNumber) ? { phone, valid: false } : undefined;
}

/** Country codes the phone library can read numbers for; others parse international numbers only. */
const supported = new Map<string, boolean>();
function phoneCountry(country: string | undefined): string | undefined {
  if (!country) return undefined;
  let ok = supported.get(country);
  if (ok === undefined) {
    ok = isSupportedCountry(country);
    supported.set(country, ok);
  }
  return ok ? country : undefined;
}

/**
 * France's overseas departments share its national format (0692 12 34 56 is a Réunion mobile,
 * dialled +262 692 12 34 56 from abroad): a number written for one of them is read for the others
 * when it isn't valid there, so a Réunion mobile on a line whose country is France gets +262.
 */
const FRENCH_NUMBERING = ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF'];
const siblings = (country: string): readonly string[] => (FRENCH_NUMBERING.includes(country) ? [country, ...FRENCH_NUMBERING.filter((c) => c !== country)] : [country]);

/**
 * Prefixes for calling abroad that people write instead of "+": 00 in most of the world, 011 from
 * North America, 0011 from Australia, 010 from Japan, 001 from several Asian carriers, 810 from
 * Russia. Tried only when the number isn't valid as written.
 */
const INTERNATIONAL_PREFIXES = ['0011', '011', '010', '001', '810', '00'];

/** "poste 123", "ext. 123", "x123": an extension after the number. */
const EXTENSION = /\s*[,;]?\s*(?:poste|postes|ext\.?|extension|x|#)\s*(\d{1,7})\s*$/i;

interface Verdict {
  e164: string;
  valid: boolean;
  ext?: string;
}

/** E.164 and validity of each number read; company switchboards repeat across contacts. */
const cache = new CountryMemo<Verdict | null>();

function readValid(text: string, country: string | undefined): Verdict | null {
  const fast = fastE164(text, country);
  if (fast !== undefined) return { e164: fast, valid: true };
  const reading = read(text, country);
  return reading ? { e164: reading.phone.number, valid: reading.valid } : null;
}

function judge(written: string, country: string | undefined): Verdict | null {
  const extension = EXTENSION.exec(written);
  const text = extension ? written.slice(0, extension.index) : written;
  const ext = extension?.[1];
  const withExt = (v: Verdict): Verdict => (ext ? { ...v, ext } : v);
  let plausible: Verdict | null = null;
  for (const readAs of country ? siblings(country) : [undefined]) {
    const found = readValid(text, readAs);
    if (found?.valid) return withExt(found);
    plausible ??= found;
  }
  const compact = text.replace(/[\s.\-()]/g, '');
  for (const prefix of INTERNATIONAL_PREFIXES) {
    if (!compact.startsWith(prefix)) continue;
    const found = readValid(`+${compact.slice(prefix.length)}`, undefined);
    if (found?.valid) return withExt(found);
  }
  return plausible && withExt(plausible);
}

function verdict(text: string, country: string | undefined): Verdict | null {
  let result = cache.get(country, text);
  if (result === undefined) {
    result = judge(text, country);
    cache.set(country, text, result);
  }
  return result;
}

const stored = (v: Verdict): string => (v.ext ? `${v.e164} ext. ${v.ext}` : v.e164);

/**
 * Checks a phone number read for the line's country; a valid number of another country is
 * fine. `country` is undefined when the line names a country we don't recognise: then only an
 * international number is read, as any country code would be a guess. Returns the number in
 * E.164 (with its extension) when it is valid.
 */
export function checkPhone(report: Report, line: number, text: string, country: string | undefined): string | undefined {
  const readAs = phoneCountry(country);
  const found = verdict(text, readAs);
  if (found?.valid === false) {
    // Metadata lags behind newly opened number ranges: a number of the right shape only warrants a look.
    report.warning(
      line,
      'phoneNumber',
      'PHONE_UNUSUAL',
      `${labelled('phoneNumber', text)} has the shape of a phone number but isn't in a range of numbers known to be in use.`,
      'Check the number with the contact; nothing to do if it is right.',
    );
  }
  if (found) return stored(found);
  if (!readAs) {
    report.warning(
      line,
      'phoneNumber',
      'PHONE_COUNTRY_UNKNOWN',
      `${labelled('phoneNumber', text)} can't be read without knowing the country of the line, so it is sent as written.`,
      'Write the number in international format (+ and the country code first, e.g. +237 6 71 23 45 67), or fix the Country of the line.',
    );
    return text;
  }
  const hint = !text.trimStart().startsWith('+') ? ` for ${countryName(readAs)}` : '';
  report.error(line, 'phoneNumber', 'PHONE_INVALID', `${labelled('phoneNumber', text)} isn't a valid phone number${hint}.`, INTERNATIONAL_FIX);
  return undefined;
}

/**
 * A phone number the spreadsheet stored as a number lost its leading 0 or +: the digits are
 * read back with each in turn, for the line's country first.
 */
export function checkPhoneNumberCell(report: Report, line: number, value: number, country: string | undefined): string | undefined {
  const digits = numberText(value);
  const readAs = phoneCountry(country);
  if (Number.isInteger(value) && value > 0) {
    for (const candidate of [`0${digits}`, digits, `+${digits}`]) {
      const reading = read(candidate, readAs);
      if (!reading?.valid) continue;
      const formatted = reading.phone.formatInternational();
      report.warning(
        line,
        'phoneNumber',
        'PHONE_AS_NUMBER',
        `${labelled('phoneNumber', digits)} was turned into a number by the spreadsheet, which dropped its leading 0 or +; it reads as ${formatted}.`,
        `Apply the suggested number. ${PLAIN_TEXT_FIX}`,
        formatted,
      );
      return reading.phone.number;
    }
  }
  report.error(
    line,
    'phoneNumber',
    'PHONE_INVALID',
    `${labelled('phoneNumber', digits)} was turned into a number by the spreadsheet and isn't a valid phone number, even with a leading 0 or +.`,
    `${INTERNATIONAL_FIX} ${PLAIN_TEXT_FIX}`,
  );
  return undefined;
}
