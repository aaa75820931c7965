import { CountryMemo } from './memo';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { numberText } from '../cell';
import { countryName } from './country';
import { PLAIN_TEXT_FIX, labelled } from './messages';
import { countryOfCallingCode, fastE164, hasNationalShape } from './phone-fast';
import type { Report } from './report';

const INTERNATIONAL_FIX = 'Check the digits, or write the number in international format: + and the country code first (e.g. +33 6 12 34 56 78).';

/** A parsed number: valid, or only plausible (right shape, but in no range known to be in use). */
interface Reading { phone: PhoneNumber; valid: boolean }

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

/** E.164 and validity of each number read; company switchboards repeat across contacts. */
const cache = new CountryMemo<{ e164: string; valid: boolean } | null>();

function verdict(text: string, country: string | undefined): { e164: string; valid: boolean } | null {
  let result = cache.get(country, text);
  if (result === undefined) {
    const fast = fastE164(text, country);
    const reading = fast === undefined ? read(text, country) : undefined;
    result = fast !== undefined ? { e164: fast, valid: true } : reading ? { e164: reading.phone.number, valid: reading.valid } : null;
    cache.set(country, text, result);
  }
  return result;
}

/**
 * Checks a phone number read for the line's country; a valid number of another country is
 * fine. Returns the number in E.164 when it is valid.
 */
export function checkPhone(report: Report, line: number, text: string, country: string | undefined): string | undefined {
  const readAs = phoneCountry(country);
  const found = verdict(text, readAs);
  if (found?.valid === false) {
    // Metadata lags behind newly opened number ranges: a number of the right shape only warrants a look.
    report.warning(line, 'phoneNumber', 'PHONE_UNUSUAL', `${labelled('phoneNumber', text)} has the shape of a phone number but isn't in a range of numbers known to be in use.`,
      'Check the number with the contact; nothing to do if it is right.');
  }
  if (found) return found.e164;
  const hint = readAs && !text.trimStart().startsWith('+') ? ` for ${countryName(readAs)}` : '';
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
      report.warning(line, 'phoneNumber', 'PHONE_AS_NUMBER',
        `${labelled('phoneNumber', digits)} was turned into a number by the spreadsheet, which dropped its leading 0 or +; it reads as ${formatted}.`,
        `Apply the suggested number. ${PLAIN_TEXT_FIX}`, formatted);
      return reading.phone.number;
    }
  }
  report.error(line, 'phoneNumber', 'PHONE_INVALID',
    `${labelled('phoneNumber', digits)} was turned into a number by the spreadsheet and isn't a valid phone number, even with a leading 0 or +.`,
    `${INTERNATIONAL_FIX} ${PLAIN_TEXT_FIX}`);
  return undefined;
}
