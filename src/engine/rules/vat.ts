import { CountryMemo } from './memo';
import { checkVAT, countries, type Country } from 'jsvat';
import type { Severity } from '../problem';
import { countryName } from './country';
import { normalizeLabel } from '../normalize';
import { labelled } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const VAT_PROBLEMS = {
  VAT_INVALID: 'Invalid VAT numbers',
  VAT_COUNTRY_MISMATCH: 'VAT numbers of another country',
  VAT_PREFIX_MISSING: 'VAT numbers without country prefix',
  VAT_PLACEHOLDER: 'Values that are not VAT numbers',
} as const;

/** Country code -> jsvat rules; Brazil is left out as its numbers carry no prefix and would claim every bare number. */
const RULES = new Map<string, Country>();
for (const country of countries) if (country.codes[0] !== 'BR') RULES.set(country.codes[0]!, country);
RULES.set('EL', RULES.get('GR')!);
// Northern Ireland's "XI" numbers are UK numbers under another prefix.
if (RULES.has('GB')) RULES.set('XI', RULES.get('GB')!);

/** VAT prefixes that differ from the ISO country code. */
const PREFIX_OF: Readonly<Record<string, string>> = { GR: 'EL', CH: 'CHE' };
const COUNTRY_OF_PREFIX: Readonly<Record<string, string>> = { EL: 'GR', XI: 'GB' };

const FIX = "Check the VAT number on one of the customer's invoices, or on the European Commission's VIES website.";

/**
 * What people type in a VAT column when there is no number: "N/A", "NC" (non communiqué),
 * "Particulier" (a private person), "Exonéré" (exempt)... Compared after label normalisation.
 */
const PLACEHOLDERS = new Set([
  'n a',
  'na',
  'nc',
  'n c',
  'non communique',
  'non applicable',
  'not applicable',
  'none',
  'no',
  'non',
  'nil',
  'null',
  'neant',
  'aucun',
  'aucune',
  'particulier',
  'particuliers',
  'private',
  'private person',
  'individual',
  'exonere',
  'exoneree',
  'exempt',
  'exempted',
  'vat exempt',
  'non assujetti',
  'non assujettie',
  'tbd',
  'tbc',
  'to be defined',
  'to be confirmed',
  'a definir',
  'a venir',
  'en cours',
  'pending',
  'unknown',
  'inconnu',
  'inconnue',
  'x',
  'xx',
  'xxx',
  '0',
  '00',
  '000',
  '-',
  '?',
  'sans',
  'sans objet',
  'so',
  'pas de tva',
  'no vat',
  'hors ue',
  'hors cee',
  'hors union europeenne',
]);

/** National numbers a digit short of today's format: Belgian 9-digit numbers, Dutch ones missing their leading 0. */
function completed(compact: string): string {
  if (/^BE\d{9}$/.test(compact)) return `BE0${compact.slice(2)}`;
  const dutch = /^NL(\d{7,8})(B\d{2})$/.exec(compact);
  if (dutch) return `NL${dutch[1]!.padStart(9, '0')}${dutch[2]}`;
  if (/^(EL|GR)\d{8}$/.test(compact)) return `${compact.slice(0, 2)}0${compact.slice(2)}`;
  return compact;
}

interface Outcome {
  value: string | undefined;
  severity?: Severity;
  code?: keyof typeof VAT_PROBLEMS;
  message?: string;
  fix?: string;
  suggestion?: string;
}

/** By the line's country, then the country a bare number is read for and the text. */
const cache = new CountryMemo<Outcome>();

function judge(text: string, written: string, lineCountry: string | undefined, readAs: string | undefined): Outcome {
  if (PLACEHOLDERS.has(normalizeLabel(text)) || !/[0-9]/.test(text)) {
    return {
      value: undefined,
      severity: 'warning',
      code: 'VAT_PLACEHOLDER',
      message: `${labelled('vatNumber', text)} isn't a VAT number, so it won't be sent.`,
      fix: 'Leave the VAT number empty when the customer has none.',
    };
  }
  const compact = completed(written);
  const prefix = /^[A-Z]{2}/.test(compact) ? compact.slice(0, 2) : undefined;
  if (prefix !== undefined) {
    const rules = RULES.get(prefix);
    // A country prefix jsvat doesn't know (e.g. a US tax ID) can't be checked, so it isn't failed;
    // two letters that name no country aren't a VAT prefix.
    if (!rules && countryName(prefix) === prefix) {
      return { value: text, severity: 'error', code: 'VAT_INVALID', message: `${labelled('vatNumber', text)} starts with ${prefix}, which is no country's VAT prefix.`, fix: FIX };
    }
    if (!rules) return { value: text };
    const of = countryName(rules.codes[0]!);
    const result = checkVAT(prefix === 'XI' ? `GB${compact.slice(2)}` : compact, [rules]);
    if (!result.isValid) {
      const why = result.isValidFormat ? `has the format of a ${of} VAT number but its check digits don't add up` : `doesn't have the format of a ${of} VAT number`;
      return { value: text, severity: 'error', code: 'VAT_INVALID', message: `${labelled('vatNumber', text)} ${why}.`, fix: FIX };
    }
    const vatCountry = COUNTRY_OF_PREFIX[prefix] ?? prefix;
    if (lineCountry && vatCountry !== 'EU' && vatCountry !== lineCountry) {
      return {
        value: compact,
        severity: 'warning',
        code: 'VAT_COUNTRY_MISMATCH',
        message: `${labelled('vatNumber', text)} is a ${of} VAT number, but the customer's country is ${countryName(lineCountry)}.`,
        fix: 'Check the VAT number and the Country of this customer; nothing to do if the customer is registered for VAT abroad.',
      };
    }
    return { value: compact };
  }
  const rules = readAs ? RULES.get(readAs) : undefined;
  if (!readAs || !rules) return { value: text };
  const withPrefix = `${PREFIX_OF[readAs] ?? readAs}${compact}`;
  if (!checkVAT(withPrefix, [rules]).isValid) {
    return { value: text, severity: 'error', code: 'VAT_INVALID', message: `${labelled('vatNumber', text)} isn't a valid ${countryName(readAs)} VAT number.`, fix: FIX };
  }
  return {
    value: withPrefix,
    severity: 'warning',
    code: 'VAT_PREFIX_MISSING',
    message: `${labelled('vatNumber', text)} has no country prefix; as a ${countryName(readAs)} VAT number it is ${withPrefix}.`,
    fix: 'Apply the suggested VAT number, which starts with its country prefix.',
    suggestion: withPrefix,
  };
}

/**
 * Checks a VAT number's format and check digits with jsvat. `lineCountry` is the Country of the
 * line when recognised; `readAs` the country a number without prefix is read for.
 * Returns the value for the record: compact and upper-cased when valid; undefined for a
 * placeholder, which is not sent.
 */
export function checkVat(report: Report, line: number, text: string, lineCountry: string | undefined, readAs: string | undefined): string | undefined {
  // Without a line country, readAs is the default country: one memo key covers both cases.
  const memoCountry = lineCountry ?? (readAs === undefined ? undefined : `~${readAs}`);
  let outcome = cache.get(memoCountry, text);
  if (!outcome) {
    // "IT: 02331250163", "BE (0)468.561.072", "FR 40 303 265 045": punctuation is only for reading.
    outcome = judge(text, text.toUpperCase().replace(/[\s.\-/:()]+/g, ''), lineCountry, readAs);
    cache.set(memoCountry, text, outcome);
  }
  if (outcome.severity && outcome.code && outcome.message && outcome.fix) {
    report.add(line, 'vatNumber', outcome.severity, outcome.code, outcome.message, outcome.fix, outcome.suggestion);
  }
  return outcome.value;
}
