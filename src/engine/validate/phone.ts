import { memo } from './memo';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { numberText } from '../cell';
import { countryName } from './country';
import { PLAIN_TEXT_FIX, labelled } from './messages';
import { fastE164 } from './phone-fast';
import type { Report } from './report';

const INTERNATIONAL_FIX = 'Check the digits, or write the number in international format: + and the country code first (e.g. +33 6 12 34 56 78).';

function parse(text: string, country: string | undefined): PhoneNumber | undefined {
  try {
    const phone = parsePhoneNumberFromString(text, country as CountryCode | undefined);
    return phone?.isValid() ? phone : undefined;
  } catch {
    // The library throws on a few inputs it can't even tokenise: they are simply not phone numbers.
    return undefined;
  }
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

/** E.164 of valid numbers, null for invalid ones; company switchboards repeat across contacts. */
const cache = memo<string, string | null>();

function e164(text: string, country: string | undefined): string | null {
  const key = `${country ?? ''}|${text}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = fastE164(text, country) ?? parse(text, country)?.number ?? null;
    cache.set(key, result);
  }
  return result;
}

/**
 * Checks a phone number read for the line's country; a valid number of another country is
 * fine. Returns the number in E.164 when it is valid.
 */
export function checkPhone(report: Report, line: number, text: string, country: string | undefined): string | undefined {
  const readAs = phoneCountry(country);
  const valid = e164(text, readAs);
  if (valid !== null) return valid;
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
      const phone = parse(candidate, readAs);
      if (!phone) continue;
      const formatted = phone.formatInternational();
      report.warning(line, 'phoneNumber', 'PHONE_AS_NUMBER',
        `${labelled('phoneNumber', digits)} was turned into a number by the spreadsheet, which dropped its leading 0 or +; it reads as ${formatted}.`,
        `Apply the suggested number. ${PLAIN_TEXT_FIX}`, formatted);
      return phone.number;
    }
  }
  report.error(line, 'phoneNumber', 'PHONE_INVALID',
    `${labelled('phoneNumber', digits)} was turned into a number by the spreadsheet and isn't a valid phone number, even with a leading 0 or +.`,
    `${INTERNATIONAL_FIX} ${PLAIN_TEXT_FIX}`);
  return undefined;
}
