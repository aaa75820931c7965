import { memo } from './memo';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { normalizeLabel } from '../normalize';
import { closest } from '../similarity';

/** ISO alpha-2, alpha-3, then names in English, French and the local language. */
const COUNTRIES: ReadonlyArray<readonly [string, string, ...string[]]> = [
  ['AT', 'AUT', 'Austria', 'Autriche', 'Österreich'],
  ['BE', 'BEL', 'Belgium', 'Belgique', 'België', 'Belgien'],
  ['BG', 'BGR', 'Bulgaria', 'Bulgarie'],
  ['HR', 'HRV', 'Croatia', 'Croatie', 'Hrvatska'],
  ['CY', 'CYP', 'Cyprus', 'Chypre'],
  ['CZ', 'CZE', 'Czech Republic', 'Czechia', 'République tchèque', 'Tchéquie'],
  ['DK', 'DNK', 'Denmark', 'Danemark', 'Danmark'],
  ['EE', 'EST', 'Estonia', 'Estonie', 'Eesti'],
  ['FI', 'FIN', 'Finland', 'Finlande', 'Suomi'],
  ['FR', 'FRA', 'France', 'République française'],
  ['DE', 'DEU', 'Germany', 'Allemagne', 'Deutschland'],
  ['GR', 'GRC', 'Greece', 'Grèce', 'Hellas', 'EL'],
  ['HU', 'HUN', 'Hungary', 'Hongrie', 'Magyarország'],
  ['IE', 'IRL', 'Ireland', 'Irlande', 'Republic of Ireland', 'Éire'],
  ['IT', 'ITA', 'Italy', 'Italie', 'Italia'],
  ['LV', 'LVA', 'Latvia', 'Lettonie', 'Latvija'],
  ['LT', 'LTU', 'Lithuania', 'Lituanie', 'Lietuva'],
  ['LU', 'LUX', 'Luxembourg', 'Lëtzebuerg', 'Luxemburg'],
  ['MT', 'MLT', 'Malta', 'Malte'],
  ['NL', 'NLD', 'Netherlands', 'The Netherlands', 'Pays-Bas', 'Holland', 'Hollande', 'Nederland'],
  ['PL', 'POL', 'Poland', 'Pologne', 'Polska'],
  ['PT', 'PRT', 'Portugal'],
  ['RO', 'ROU', 'Romania', 'Roumanie', 'România'],
  ['SK', 'SVK', 'Slovakia', 'Slovaquie', 'Slovensko'],
  ['SI', 'SVN', 'Slovenia', 'Slovénie', 'Slovenija'],
  ['ES', 'ESP', 'Spain', 'Espagne', 'España'],
  ['SE', 'SWE', 'Sweden', 'Suède', 'Sverige'],
  ['GB', 'GBR', 'United Kingdom', 'UK', 'Royaume-Uni', 'Great Britain', 'Grande-Bretagne', 'Britain', 'England', 'Angleterre', 'Scotland', 'Écosse', 'Wales', 'Pays de Galles', 'Northern Ireland', 'Irlande du Nord'],
  ['CH', 'CHE', 'Switzerland', 'Suisse', 'Schweiz', 'Svizzera'],
  ['NO', 'NOR', 'Norway', 'Norvège', 'Norge'],
  ['IS', 'ISL', 'Iceland', 'Islande'],
  ['LI', 'LIE', 'Liechtenstein'],
  ['MC', 'MCO', 'Monaco'],
  ['AD', 'AND', 'Andorra', 'Andorre'],
  ['US', 'USA', 'United States', 'United States of America', 'États-Unis', "États-Unis d'Amérique", 'America', 'Amérique', 'U.S.A.', 'U.S.'],
  ['CA', 'CAN', 'Canada'],
  ['MX', 'MEX', 'Mexico', 'Mexique', 'México'],
  ['BR', 'BRA', 'Brazil', 'Brésil', 'Brasil'],
  ['MA', 'MAR', 'Morocco', 'Maroc'],
  ['DZ', 'DZA', 'Algeria', 'Algérie'],
  ['TN', 'TUN', 'Tunisia', 'Tunisie'],
  ['SN', 'SEN', 'Senegal', 'Sénégal'],
  ['CI', 'CIV', 'Ivory Coast', "Côte d'Ivoire"],
  ['ZA', 'ZAF', 'South Africa', 'Afrique du Sud'],
  ['IL', 'ISR', 'Israel', 'Israël'],
  ['AE', 'ARE', 'United Arab Emirates', 'Émirats arabes unis', 'UAE', 'EAU'],
  ['TR', 'TUR', 'Turkey', 'Turquie', 'Türkiye'],
  ['CN', 'CHN', 'China', 'Chine'],
  ['HK', 'HKG', 'Hong Kong'],
  ['JP', 'JPN', 'Japan', 'Japon'],
  ['SG', 'SGP', 'Singapore', 'Singapour'],
  ['IN', 'IND', 'India', 'Inde'],
  ['AU', 'AUS', 'Australia', 'Australie'],
  ['NZ', 'NZL', 'New Zealand', 'Nouvelle-Zélande'],
];

const byLabel = new Map<string, string>();
const names: Array<{ key: string; name: string }> = [];
for (const [code, alpha3, ...countryNames] of COUNTRIES) {
  byLabel.set(normalizeLabel(code), code);
  byLabel.set(normalizeLabel(alpha3), code);
  for (const name of countryNames) {
    byLabel.set(normalizeLabel(name), code);
    names.push({ key: normalizeLabel(name), name });
  }
}

const cache = memo<string, string | null>();

/** ISO alpha-2 code of a country typed by name (English or French), alpha-2 or alpha-3 code. */
export function countryCode(text: string): string | undefined {
  let code = cache.get(text);
  if (code === undefined) {
    const key = normalizeLabel(text);
    code = byLabel.get(key) ?? null;
    // Any other two-letter code the phone library knows is a real ISO code (e.g. "PE").
    if (code === null && key.length === 2 && isSupportedCountry(key.toUpperCase())) code = key.toUpperCase();
    cache.set(text, code);
  }
  return code ?? undefined;
}

/** A country name close to an unrecognised one ("Frnace" -> "France"). */
export function closestCountryName(text: string): string | undefined {
  return closest(normalizeLabel(text), names, (n) => n.key)?.match.name;
}

const displayNames = new Map(COUNTRIES.map(([code, , name]) => [code, name] as const));

/** English name of a country for messages ("France"), or its code when it isn't in the table. */
export const countryName = (code: string): string => displayNames.get(code) ?? code;
