import { countryData, type CountryData } from './country-data';
import { memo } from './memo';
import { normalizeLabel } from '../normalize';
import { closest } from '../similarity';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const COUNTRY_PROBLEMS = {
  COUNTRY_UNKNOWN: 'Unknown countries',
} as const;

let data: CountryData | undefined;
/**
 * Read on first use, like the tables below: Apps Script evaluates the bundle on every execution,
 * and most (a sidebar call, an edit outside a checked sheet) read no country. Only English and
 * French names are kept: every locale would add its names to the add-on.
 */
const isoCountries = (): CountryData => (data ??= countryData());

/**
 * What people write that ISO 3166 names (as i18n-iso-countries holds them in English and French)
 * don't cover: the nations of the United Kingdom, dotted and short forms, old names, local names
 * of European neighbours, and French ways of naming the overseas territories.
 */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  GB: ['U.K.', 'Britain', 'England', 'Angleterre', 'Scotland', 'Écosse', 'Wales', 'Pays de Galles', 'Northern Ireland', 'Irlande du Nord', 'Grande-Bretagne', 'UK (Royaume-Uni)'],
  US: ['America', 'Amérique', 'États-Unis', 'Etats Unis', 'U.S', 'United States (USA)'],
  NL: ['Holland', 'Hollande', 'Nederland'],
  FR: ['France métropolitaine', 'Metropolitan France', 'République française', 'France (métropole)'],
  RE: ['La Réunion', 'Île de la Réunion', 'Reunion Island'],
  GP: ['La Guadeloupe'],
  MQ: ['La Martinique'],
  GF: ['Guyane', 'French Guyana'],
  YT: ['Île de Mayotte'],
  NC: ['New Caledonia'],
  PF: ['Polynésie', 'Tahiti'],
  DE: ['Deutschland', 'Federal Republic of Germany'],
  ES: ['España', 'Espana'],
  IT: ['Italia'],
  BE: ['België', 'Belgien'],
  CH: ['Schweiz', 'Svizzera', 'Suisse (Confédération)'],
  AT: ['Österreich'],
  PL: ['Polska'],
  SE: ['Sverige'],
  DK: ['Danmark'],
  NO: ['Norge'],
  FI: ['Suomi'],
  IE: ['Éire', 'Republic of Ireland'],
  PT: ['Portugal (Continental)'],
  GR: ['Hellas', 'EL'],
  CZ: ['Česko', 'Tchéquie', 'République tchèque'],
  KR: ['Korea', 'Corée', 'Corée du Sud'],
  RU: ['Russie'],
  VN: ['Viet Nam'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  AE: ['UAE', 'EAU', 'Emirates', 'Émirats'],
  TR: ['Türkiye', 'Turkiye'],
  MK: ['Macedonia', 'Macédoine'],
  SZ: ['Swaziland'],
  MM: ['Burma', 'Birmanie'],
  CD: ['DRC', 'RDC', 'DR Congo', 'RD Congo', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville'],
  LU: ['Lëtzebuerg', 'Luxemburg'],
  HR: ['Hrvatska'],
  HU: ['Magyarország'],
  BR: ['Brasil'],
  MX: ['México'],
  CN: ["People's Republic of China", 'PRC'],
  TW: ['Taïwan'],
  BN: ['Brunei'],
  SV: ['Salvador'],
  VA: ['Vatican', 'Vatican City', 'Cité du Vatican', 'État de la Cité du Vatican'],
  HK: ['Hong Kong SAR', 'Hong Kong SAR China', 'R.A.S. chinoise de Hong Kong'],
  MO: ['Macau', 'Macao SAR China', 'R.A.S. chinoise de Macao'],
  KG: ['Kirghizstan', 'Kirghizistan'],
  PS: ['Palestinian Territories', 'Territoires palestiniens'],
  SY: ['Syria', 'Syrie'],
  TZ: ['Tanzania', 'Tanzanie'],
  TL: ['East Timor', 'Timor oriental'],
  UM: ['U.S. Outlying Islands'],
  VI: ['Îles Vierges des États-Unis', 'US Virgin Islands'],
  AX: ['Åland', 'Îles Åland'],
  BQ: ['Caribbean Netherlands', 'Pays-Bas caribéens'],
  CV: ['Cabo Verde', 'Cap-Vert'],
  BA: ['Bosnia', 'Bosnie'],
  HM: ['Heard & McDonald Islands'],
  SJ: ['Svalbard et Jan Mayen'],
  IO: ['British Indian Ocean Territory', "Territoire britannique de l'océan Indien"],
  MD: ['Moldova', 'Moldavie'],
  FM: ['Micronesia', 'Micronésie'],
  SH: ['St. Helena', 'Sainte-Hélène'],
  KN: ['St. Kitts & Nevis'],
};

/** Words a country name can go without: "St. Kitts & Nevis" is "Saint Kitts and Nevis". */
const FILLER = new Set(['and', 'et', 'the', 'of', 'de', 'du', 'des', 'la', 'le', 'les', 'l', 'd']);
const SPELLED: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte' };
const countryKey = (text: string): string =>
  normalizeLabel(text.replace(/&/g, ' and '))
    .split(' ')
    .filter((w) => !FILLER.has(w))
    .map((w) => SPELLED[w] ?? w)
    .join(' ');

interface Tables {
  /** Alpha-2 and alpha-3 codes; apart, as "DE", "AND" or "LA" are also filler words of names. */
  byCode: Map<string, string>;
  byLabel: Map<string, string>;
  /** Names offered as a guess for an unrecognised country. */
  names: Array<{ key: string; name: string }>;
}
let tables: Tables | undefined;

function buildTables(): Tables {
  const byLabel = new Map<string, string>();
  const names: Array<{ key: string; name: string }> = [];
  const add = (code: string, name: string, offerAsGuess: boolean): void => {
    const key = countryKey(name);
    if (!key || byLabel.has(key)) return;
    byLabel.set(key, code);
    if (offerAsGuess && key.length > 3) names.push({ key, name });
  };
  const { codes, names: byLocale } = isoCountries();
  const byCode = new Map<string, string>();
  for (const [alpha2, alpha3] of codes) {
    if (!alpha2 || !alpha3) continue;
    byCode.set(alpha2, alpha2);
    byCode.set(alpha3, alpha2);
  }
  for (const names of [byLocale.en, byLocale.fr]) {
    for (const [code, list] of Object.entries(names)) {
      for (const name of typeof list === 'string' ? [list] : list) {
        add(code, name, true);
        // "Falkland Islands (Malvinas)", "Saint Martin (French part)": also without the brackets.
        add(code, name.replace(/\s*\(.*\)\s*$/, ''), false);
        // "Korea, Republic of" is also written "Republic of Korea".
        const comma = name.indexOf(', ');
        if (comma > 0) add(code, `${name.slice(comma + 2)} ${name.slice(0, comma)}`, false);
      }
    }
  }
  for (const [code, list] of Object.entries(VARIANTS)) for (const name of list) add(code, name, true);
  return { byCode, byLabel, names };
}

/** Built on the first country read (see isoCountries). */
const countryTables = (): Tables => (tables ??= buildTables());

const cache = memo<string, string | null>();

/** ISO alpha-2 code of a country typed by name (English or French, common variants), alpha-2 or alpha-3 code. */
export function countryCode(text: string): string | undefined {
  let code = cache.get(text);
  if (code === undefined) {
    // "Congo (RDC)": the bracket may name the country; "Réunion (La)", "France, métropole": it only qualifies.
    const bracket = /\(([^)]*)\)/.exec(text)?.[1];
    const upper = normalizeLabel(text).toUpperCase();
    const { byCode, byLabel } = countryTables();
    code =
      byCode.get(upper) ??
      byLabel.get(countryKey(text)) ??
      (bracket && bracket.length > 2 ? byLabel.get(countryKey(bracket)) : undefined) ??
      byLabel.get(countryKey(text.replace(/\s*[(,].*$/, ''))) ??
      null;
    cache.set(text, code);
  }
  return code ?? undefined;
}

/** A country name close to an unrecognised one ("Frnace" -> "France"). */
export function closestCountryName(text: string): string | undefined {
  return closest(countryKey(text), countryTables().names, (n) => n.key)?.match.name;
}

/** English name of a country for messages ("France"), or its code when ISO 3166 has none. */
export function countryName(code: string): string {
  const name = isoCountries().names.en[code];
  return (typeof name === 'string' ? name : name?.[0]) ?? code;
}
