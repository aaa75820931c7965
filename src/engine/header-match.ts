import { FIELD_IDS, field, fieldsOfSection, typedFields, upflowFields, type FieldId } from './fields';
import { headerLabel, readings, type Scope } from './header-words';
import { similarity } from './similarity';

/**
 * What one header says on its own. Some headers only make sense with the rest of the sheet: a
 * plain "Phone" is a contact's phone only on a sheet with contacts, a bare "ID" is the contact's
 * beside a person's name and the customer's otherwise, a bare "Name" beside "First name" or
 * "Last name" is the person's full name. Those carry the condition the sheet must meet.
 */
export type Condition = 'contacts' | 'person-names' | 'first-name-only' | 'no-person-names';

export interface HeaderGuess {
  field: FieldId | null;
  how: 'label' | 'alias' | 'fuzzy' | 'none';
  confidence: number;
  /** Of two columns claiming a field, the higher rank wins ("Billing City" over "Shipping City"). */
  rank: number;
  /** Alternatives tried in order once the sheet is known; the first whose condition holds applies. */
  options?: ReadonlyArray<{ field: FieldId | null; rank: number; when?: Condition }>;
  suggestion: FieldId | null;
}

/** An address qualifier ("Billing", "Shipping") allows the parts of the customer's address Upflow keeps. */
const ADDRESS: readonly FieldId[] = upflowFields('address').map((f) => f.id);
/** "Company" allows what a person types about the customer, and the contact's email: a company's email is its billing contact's. */
const CUSTOMER: readonly FieldId[] = [...typedFields(FIELD_IDS).filter((id) => field(id).section !== 'contact'), 'contactEmail'];
/** "Person" allows the contact's fields, and account managers: a person's owner ("Person - Owner") is the customer's account manager. */
const CONTACT: readonly FieldId[] = [...typedFields(fieldsOfSection('contact')), 'accountManagers'];

/** Fields a qualifier allows, and the rank they get under it. */
const SCOPE_FIELDS: Record<Scope, { fields: readonly FieldId[]; rank: number }> = {
  billing: { fields: [...ADDRESS, 'contactEmail', 'phoneNumber'], rank: 3 },
  company: { fields: [...CUSTOMER, 'phoneNumber'], rank: 3 },
  person: { fields: CONTACT, rank: 3 },
  // A contact's mailing address stands in for the billing one when there is none; a shipping one only as a last resort.
  mailing: { fields: ADDRESS, rank: 2 },
  shipping: { fields: ADDRESS, rank: 1 },
};

/**
 * Common export columns one letter away from a field's name ("Fax number" / "Tax number",
 * "Department" / "Département"), or naming a register number rather than the customer's ID:
 * never guessed.
 */
const NOT_FIELDS = new Set([
  'fax',
  'fax number',
  'telecopie',
  'department',
  'departement commercial',
  'title',
  'job title',
  'website',
  'site',
  'site web',
  'industry',
  'description',
  'company number',
  'company registration number',
  'registration number',
  'siren',
  'siret',
  'naf',
  'code naf',
  'ape',
  'iban',
  'bic',
  'currency',
  'devise',
  'type',
  'status',
  'statut',
  'notes',
  'note',
  'comment',
  'commentaire',
  'date',
  'created date',
  'create date',
  'last modified date',
  'tags',
  'label',
  'labels',
]);

/** Plain words that name a field only through their qualifier: "Organization - Name", "Person - ID". */
const NAME_WORDS = new Set(['name', 'nom', 'full name', 'nom complet', 'raison sociale']);
const ID_WORDS = new Set(['id', 'record id', 'number', 'no', 'numero', 'n', 'code', 'ref', 'reference', 'identifiant', 'key', 'external id']);
const ORGANIZATION_WORDS = new Set(['organization', 'organisation', 'org', 'company', 'account', 'societe', 'entreprise', 'organization name', 'company name']);

interface IndexEntry {
  field: FieldId;
  kind: 'label' | 'alias';
}
interface HeaderIndex {
  exact: Map<string, IndexEntry>;
  fuzzyTargets: Array<{ key: string; words: string[]; field: FieldId }>;
}
let index: HeaderIndex | undefined;

/**
 * Built on the first header read, not when the module loads: Apps Script evaluates the bundle on
 * every execution, and most (an edit, a settings call) read no header.
 */
function headerIndex(): HeaderIndex {
  if (index) return index;
  const exact = new Map<string, IndexEntry>();
  const fuzzyTargets: HeaderIndex['fuzzyTargets'] = [];
  for (const id of FIELD_IDS) {
    const definition = field(id);
    for (const [text, kind] of [[definition.label, 'label'], ...definition.aliases.map((a) => [a, 'alias'])] as Array<[string, 'label' | 'alias']>) {
      const key = headerLabel(text);
      if (!exact.has(key)) exact.set(key, { field: id, kind });
      if (key.length >= 4) fuzzyTargets.push({ key, words: key.split(' '), field: id });
    }
  }
  return (index = { exact, fuzzyTargets });
}

const none = (confidence = 0, suggestion: FieldId | null = null): HeaderGuess => ({ field: null, how: 'none', confidence, rank: 0, suggestion });
const found = (id: FieldId, how: HeaderGuess['how'], rank: number, confidence = 1): HeaderGuess => ({ field: id, how, confidence, rank, suggestion: null });

function allowed(id: FieldId, scopes: readonly Scope[]): number | undefined {
  let rank = 3;
  for (const scope of scopes) {
    const rule = SCOPE_FIELDS[scope];
    if (!rule.fields.includes(id)) return undefined;
    rank = Math.min(rank, rule.rank);
  }
  return rank;
}

/** A phone qualified by the company is the switchboard, never a contact's. */
function phone(scopes: readonly Scope[], rank: number): HeaderGuess {
  if (scopes.includes('person')) return found('phoneNumber', 'alias', rank);
  if (scopes.includes('company')) return none();
  // The phone of an address ("Default Address Phone") gives way to a plain "Phone" column.
  return { ...none(), options: [{ field: 'phoneNumber', rank: scopes.length ? Math.min(rank, 2) : rank, when: 'contacts' }] };
}

function generic(base: string, scopes: readonly Scope[]): HeaderGuess | undefined {
  const inner = scopes[scopes.length - 1];
  if (inner === 'company' && NAME_WORDS.has(base)) return found('customerName', 'alias', 3);
  if (inner === 'company' && ID_WORDS.has(base)) return found('customerId', 'alias', 3);
  if (inner === 'person' && NAME_WORDS.has(base)) return none();
  if (inner === 'person' && ID_WORDS.has(base)) return found('contactId', 'alias', 3);
  if (inner === 'person' && ORGANIZATION_WORDS.has(base)) return found('customerName', 'alias', 3);
  // "Bill To Company", "Default Address Company" (Shopify): the billed company.
  if (inner === 'billing' && ORGANIZATION_WORDS.has(base)) return found('customerName', 'alias', 2);
  // Zoho names the postal code of an address "Billing Code" / "Shipping Code".
  if (inner && base === 'code' && SCOPE_FIELDS[inner].fields.includes('postalCode')) return found('postalCode', 'alias', allowed('postalCode', scopes)!);
  return undefined;
}

/** Headers whose meaning depends on the sheet (see Condition). */
function contextual(label: string): HeaderGuess | undefined {
  if (label === 'id' || label === 'record id') {
    // A person's record (first or last name beside it) is the contact's; otherwise the customer's (Stripe's "id" beside "Email").
    return {
      ...none(),
      options: [
        { field: 'contactId', rank: 3, when: 'person-names' },
        { field: 'customerId', rank: 3, when: 'no-person-names' },
      ],
    };
  }
  if (label === 'nom')
    return {
      ...none(),
      options: [
        { field: 'familyName', rank: 3, when: 'first-name-only' },
        { field: 'customerName', rank: 2, when: 'no-person-names' },
      ],
    };
  if (label === 'name') return { ...none(), options: [{ field: 'customerName', rank: 2, when: 'no-person-names' }] };
  // Xero names the customer "ContactName"; elsewhere it is a person: only when nothing else names the customer.
  if (label === 'contact name') return { ...none(), options: [{ field: 'customerName', rank: 0 }] };
  return undefined;
}

/**
 * A typo of a known header: same number of words, each close to its counterpart ("Postl cod"
 * for "Postal code"), and no other field about as close. Word-wise closeness keeps "Address 2"
 * from reading as "Address 1" and "Account site" as "Account code".
 */
function typo(label: string): { field: FieldId; score: number } | undefined {
  if (label.length < 4) return undefined;
  const words = label.split(' ');
  const best = new Map<FieldId, number>();
  for (const target of headerIndex().fuzzyTargets) {
    if (target.words.length !== words.length) continue;
    if (!target.words.every((w, i) => similarity(w, words[i]!) >= 0.6)) continue;
    const score = similarity(label, target.key);
    if (score > (best.get(target.field) ?? 0)) best.set(target.field, score);
  }
  const ranked = [...best].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] > first[1] - 0.1)) return undefined;
  return { field: first[0], score: first[1] };
}

/** A fuzzy guess this close is applied (and shown as a guess); from SUGGEST on it is only suggested. */
const APPLY_FUZZY = 0.85;
const SUGGEST_FUZZY = 0.7;

const round = (n: number): number => Math.round(n * 100) / 100;

/** Headers repeat across checks of a sheet; data cells scanned for the header row repeat too. */
const known = new Map<string, HeaderGuess>();
const MAX_KNOWN = 5000;

/** Reads one header on its own; typos are guessed only when `typos` (not when scanning data rows). */
export function guessHeader(header: string, typos = true): HeaderGuess {
  const key = `${typos ? 1 : 0}${header}`;
  let guess = known.get(key);
  if (!guess) {
    guess = read(header, typos);
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(key, guess);
  }
  return { ...guess };
}

function read(header: string, typos: boolean): HeaderGuess {
  const label = headerLabel(header);
  if (!label) return none();
  const special = contextual(label);
  if (special) return special;
  if (NOT_FIELDS.has(label)) return none();
  for (const { scopes, base, variant } of readings(label)) {
    const entry = headerIndex().exact.get(base);
    const rank = entry && allowed(entry.field, scopes);
    if (entry && rank !== undefined && (!variant || entry.field === 'phoneNumber' || entry.field === 'contactEmail')) {
      if (entry.field === 'phoneNumber') return phone(scopes, rank);
      return found(entry.field, scopes.length || variant ? 'alias' : entry.kind, rank);
    }
    const byScope = scopes.length ? generic(base, scopes) : undefined;
    if (byScope) return byScope;
  }
  if (!typos) return none();
  const guess = typo(label);
  if (guess && guess.score >= APPLY_FUZZY && guess.field !== 'phoneNumber') return found(guess.field, 'fuzzy', 3, round(guess.score));
  if (guess && guess.score >= SUGGEST_FUZZY) return none(round(guess.score), guess.field);
  return none();
}

/** Whether a header names a field by itself (for finding the header row below title lines). */
export function namesField(header: string): boolean {
  const guess = guessHeader(header, false);
  return guess.field !== null || (guess.options?.length ?? 0) > 0;
}
