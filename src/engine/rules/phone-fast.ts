import metadata from 'libphonenumber-js/max/metadata';

/**
 * libphonenumber-js compiles a RegExp from its metadata strings on every check, which costs
 * ~10 µs a number: half the time budget of a 50,000-line sheet. The two shapes nearly every
 * sheet uses ("+33 6 12 34 56 78" and "06 12 34 56 78") are checked here against the same
 * "max" metadata with patterns compiled once. Anything this path isn't sure of (other shapes,
 * calling codes shared by several countries, national prefixes with parsing rules, or a number
 * this path finds invalid) returns undefined and goes to libphonenumber-js itself; a property
 * test checks both agree.
 */

/** Positions in libphonenumber-js's compressed country metadata (see its metadata.js). */
const CALLING_CODE = 0,
  IDD_PREFIX = 1,
  NATIONAL_PATTERN = 2,
  POSSIBLE_LENGTHS = 3,
  NATIONAL_PREFIX = 5,
  NATIONAL_PREFIX_FOR_PARSING = 7,
  NATIONAL_PREFIX_TRANSFORM = 8,
  TYPES = 11;

interface TypeCheck {
  pattern: RegExp;
  lengths: readonly number[];
}
interface Plan {
  callingCode: string;
  nationalPrefix: string | undefined;
  idd: RegExp;
  national: RegExp;
  lengths: readonly number[];
  types: TypeCheck[];
}

type CountryJson = ReadonlyArray<unknown>;
const countries = metadata.countries as unknown as Record<string, CountryJson | undefined>;
const callingCodes = metadata.country_calling_codes as unknown as Record<string, readonly string[] | undefined>;

const plans = new Map<string, Plan | null>();

const whole = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);

function buildPlan(country: string): Plan | null {
  const json = countries[country];
  if (!json) return null;
  const callingCode = json[CALLING_CODE] as string;
  if (callingCodes[callingCode]?.length !== 1) return null;
  const nationalPrefix = (json[NATIONAL_PREFIX] || undefined) as string | undefined;
  const forParsing = json[NATIONAL_PREFIX_FOR_PARSING] || undefined;
  if (json[NATIONAL_PREFIX_TRANSFORM] || (forParsing !== undefined && forParsing !== nationalPrefix)) return null;
  if (nationalPrefix !== undefined && !/^\d+$/.test(nationalPrefix)) return null;
  const types = json[TYPES] as ReadonlyArray<readonly [string?, number[]?] | 0> | undefined;
  if (!types) return null;
  const lengths = json[POSSIBLE_LENGTHS] as number[];
  const checks: TypeCheck[] = [];
  for (const type of types) {
    if (type && type[0]) checks.push({ pattern: whole(type[0]), lengths: type[1] ?? lengths });
  }
  return {
    callingCode,
    nationalPrefix,
    lengths,
    types: checks,
    idd: new RegExp(`^(?:${json[IDD_PREFIX] as string})`),
    national: whole(json[NATIONAL_PATTERN] as string),
  };
}

function plan(country: string): Plan | null {
  let found = plans.get(country);
  if (found === undefined) {
    found = buildPlan(country);
    plans.set(country, found);
  }
  return found;
}

function isValidNational(p: Plan, nsn: string): boolean {
  if (!p.lengths.includes(nsn.length) || !p.national.test(nsn)) return false;
  for (const type of p.types) if (type.lengths.includes(nsn.length) && type.pattern.test(nsn)) return true;
  return false;
}

const SEPARATORS = /[ .-]/g;
const SHAPE = /^\+?\d+$/;

/** The number in E.164 when it is certainly valid, else undefined (ask libphonenumber-js). */
export function fastE164(text: string, country: string | undefined): string | undefined {
  const compact = text.replace(SEPARATORS, '');
  if (!SHAPE.test(compact)) return undefined;
  if (compact.charCodeAt(0) === 43 /* + */) {
    for (let size = 1; size <= 3; size++) {
      const code = compact.slice(1, 1 + size);
      const owners = callingCodes[code];
      if (!owners) continue;
      const p = owners.length === 1 && owners[0] ? plan(owners[0]) : null;
      const nsn = compact.slice(1 + size);
      if (!p || (p.nationalPrefix && nsn.startsWith(p.nationalPrefix))) return undefined;
      return isValidNational(p, nsn) ? `+${code}${nsn}` : undefined;
    }
    return undefined;
  }
  if (!country) return undefined;
  const p = plan(country);
  if (!p || !p.nationalPrefix || !compact.startsWith(p.nationalPrefix) || p.idd.test(compact)) return undefined;
  const nsn = compact.slice(p.nationalPrefix.length);
  return isValidNational(p, nsn) ? `+${p.callingCode}${nsn}` : undefined;
}

const nationalPatterns = new Map<string, RegExp | null>();

/**
 * Whether a national number has the shape of the country's numbers (the pattern the "min"
 * metadata validates with), without being in a range known to be allocated.
 */
export function hasNationalShape(country: string, nsn: string): boolean {
  let pattern = nationalPatterns.get(country);
  if (pattern === undefined) {
    const json = countries[country];
    pattern = json ? whole(json[NATIONAL_PATTERN] as string) : null;
    nationalPatterns.set(country, pattern);
  }
  return pattern !== null && pattern.test(nsn);
}

/** The main country of a calling code ("1" -> "US"). */
export const countryOfCallingCode = (code: string): string | undefined => callingCodes[code]?.[0];
