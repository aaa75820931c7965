import { normalizeLabel } from './normalize';

/**
 * How exports qualify a column: CRM and accounting tools prefix a plain field name with the record
 * it belongs to ("Billing City", "Organization - Name", "Person - Email - Work", Xero's
 * "POPostalCode") or suffix it in French ("Ville de facturation"). Reading the qualifier apart
 * from the field name lets one alias list serve every tool, and tells whose phone a column is.
 */
export type Scope = 'billing' | 'mailing' | 'shipping' | 'company' | 'person';

/** Qualifier words, longest first so "bill to" wins over "bill". */
const SCOPE_WORDS: ReadonlyArray<readonly [string, Scope]> = (
  [
    ['billing address', 'billing'],
    ['default address', 'billing'],
    ['address 1', 'billing'],
    ['adresse 1', 'billing'],
    ['address 2', 'shipping'],
    ['invoice address', 'billing'],
    ['invoicing address', 'billing'],
    ['bill to', 'billing'],
    ['billing', 'billing'],
    ['bill', 'billing'],
    ['invoicing', 'billing'],
    ['invoice', 'billing'],
    ['po', 'billing'],
    ['adresse de facturation', 'billing'],
    ['de facturation', 'billing'],
    ['facturation', 'billing'],
    ['address', 'billing'],
    ['adresse', 'billing'],
    ['shipping address', 'shipping'],
    ['delivery address', 'shipping'],
    ['ship to', 'shipping'],
    ['shipping', 'shipping'],
    ['ship', 'shipping'],
    ['delivery', 'shipping'],
    ['mailing', 'mailing'],
    ['other', 'shipping'],
    ['physical', 'shipping'],
    ['sa', 'shipping'],
    ['adresse de livraison', 'shipping'],
    ['de livraison', 'shipping'],
    ['livraison', 'shipping'],
    ['organization', 'company'],
    ['organisation', 'company'],
    ['org', 'company'],
    ['company', 'company'],
    ['account', 'company'],
    ['customer', 'company'],
    ['client', 'company'],
    ['business', 'company'],
    ['du client', 'company'],
    ['de la societe', 'company'],
    ['de l entreprise', 'company'],
    ['societe', 'company'],
    ['entreprise', 'company'],
    ['compte', 'company'],
    ['du compte', 'company'],
    ['contact person', 'person'],
    ['primary contact', 'person'],
    ['main contact', 'person'],
    ['person', 'person'],
    ['contact', 'person'],
    ['du contact', 'person'],
    ['personne', 'person'],
    ['interlocuteur', 'person'],
    ['de l interlocuteur', 'person'],
  ] as Array<readonly [string, Scope]>
).sort((a, b) => b[0].length - a[0].length);

/** Words that only say which of several values a column holds: "Email - Work", "Phone 1", "Téléphone pro". */
const VARIANT_WORDS = new Set([
  'work',
  'home',
  'office',
  'mobile',
  'other',
  'primary',
  'main',
  'principal',
  'principale',
  'pro',
  'professionnel',
  'professionnelle',
  '1',
  'of address',
  'de l adresse',
  'default',
  'par defaut',
]);

/** The same words in front ("Mobile phone number", "Alt. Phone"); only phones and emails are read through them. */
const LEADING_VARIANTS = ['main', 'primary', 'work', 'home', 'office', 'mobile', 'business', 'direct', 'alt', 'alternate', 'other', 'secondary', 'personal'];

/** A header read apart: its qualifiers (outermost first) and the plain field name left. */
export interface HeaderReading {
  scopes: Scope[];
  base: string;
  /** A variant word was dropped in front: the reading stands only for a phone or an email. */
  variant?: boolean;
}

/**
 * Splits API-style names ("BillingPostalCode", "POAddressLine1", "VAT_Number__c") into words
 * before the usual label normalisation.
 */
export function headerLabel(header: string): string {
  const words = header
    .replace(QUIET_NOTES, ' ')
    .replace(/__c$/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/\([^)]*\)/g, (inner) => ` ${inner} `);
  return normalizeLabel(words)
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

/** Notes in brackets that say nothing of the field: "Pays (code ISO)", "Email (optional)". */
const QUIET_NOTES = /\((?:code iso|iso(?: code)?|optional|optionnel|facultatif|obligatoire|required|mandatory|texte?|text)\)/gi;

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  cust: 'customer',
  acct: 'account',
  addr: 'address',
  nbr: 'number',
  intracom: 'intracommunautaire',
  org: 'organization',
  tel: 'telephone',
  tele: 'telephone',
};

const startsWith = (text: string, phrase: string): boolean => text === phrase || text.startsWith(`${phrase} `);
const endsWith = (text: string, phrase: string): boolean => text === phrase || text.endsWith(` ${phrase}`);

/** One peeling step: a variant word dropped at the end, or a qualifier at either end. */
function peelOnce(reading: HeaderReading): HeaderReading[] {
  const { scopes, base } = reading;
  const next: HeaderReading[] = [];
  for (const word of VARIANT_WORDS) {
    if (base !== word && endsWith(base, word)) next.push({ scopes, base: base.slice(0, base.length - word.length).trim() });
  }
  for (const [phrase, scope] of SCOPE_WORDS) {
    if (base === phrase) continue;
    if (startsWith(base, phrase)) next.push({ scopes: [...scopes, scope], base: base.slice(phrase.length).trim() });
    if (endsWith(base, phrase)) next.push({ scopes: [...scopes, scope], base: base.slice(0, base.length - phrase.length).trim() });
  }
  return next.filter((r) => r.base);
}

/**
 * Every reading of a normalised header, the literal one first, then fewer peeling steps before
 * more: "organization address city town" reads as itself, then [company] "address city town",
 * then [company, billing] "city town".
 */
export function readings(label: string): HeaderReading[] {
  const out: HeaderReading[] = [{ scopes: [], base: label }];
  // "Billing address", "Adresse de facturation": the qualifier alone names that address.
  const whole = SCOPE_WORDS.find(([phrase]) => phrase === label);
  if (whole && /\b(address|adresse)\b/.test(label) && !/\d$/.test(label)) out.push({ scopes: [whole[1]], base: 'address' });
  const lead = LEADING_VARIANTS.find((word) => startsWith(label, word) && label !== word);
  if (lead) out.push({ scopes: [], base: label.slice(lead.length).trim(), variant: true });
  const seen = new Set(out.map((r) => `${r.scopes.join(',')}|${r.base}`));
  let layer: HeaderReading[] = [out[0]!];
  for (let depth = 0; depth < 4 && layer.length; depth++) {
    const nextLayer: HeaderReading[] = [];
    for (const reading of layer) {
      for (const next of peelOnce(reading)) {
        const key = `${next.scopes.join(',')}|${next.base}`;
        if (seen.has(key)) continue;
        seen.add(key);
        nextLayer.push(next);
      }
    }
    out.push(...nextLayer);
    layer = nextLayer;
  }
  return out;
}
