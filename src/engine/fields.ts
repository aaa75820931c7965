import * as z from './zod';

/**
 * The seed article groups columns in sections; each section has one flagged (🚩) field that a
 * row needs as soon as it fills any field of that section.
 */
export const sectionSchema = z.enum(['customer', 'group', 'assignment', 'contact']);
export type Section = z.infer<typeof sectionSchema>;

/** Where Upflow keeps a field as a plain string: on the customer, in its address, or on a contact. */
export interface UpflowPlace {
  on: 'customer' | 'address' | 'contact';
  /** The key in Upflow's bodies and answers (src/engine/upflow/schemas.ts), e.g. `zipcode` in the address. */
  key: string;
}

/**
 * Everything the add-on knows of a field, declared once: mapping, templates, checks, the body
 * sent, the comparison with Upflow, the preview's words and the pull all read it from here.
 * `Id` is any string only for the list below, which FieldId is read from.
 */
export interface FieldDefinition<Id extends string = FieldId> {
  id: Id;
  label: string;
  help: string;
  section: Section;
  /**
   * Header spellings, English and French, in Upflow's own templates and help pages (current and
   * older) and in CRM and accounting exports; matched after normalisation (src/engine/header-words.ts
   * reads qualifiers such as "Billing" or "Person -" apart).
   */
  aliases: readonly string[];
  maxLength: number;
  /**
   * Written by "Get customers from Upflow", unknown to Upflow's CSV importer (its help article has no
   * such column): template sheets leave it out, pulled sheets show it greyed and hidden.
   */
  fromUpflow?: true;
  /**
   * A code that looks like a number (IDs, postal codes, phone numbers): a spreadsheet reading it as
   * one loses leading zeros, + signs and digits past the 15th, so template columns are formatted as
   * plain text and a value shown in scientific notation is an error (src/engine/rules/damage.ts).
   */
  code?: true;
  /**
   * Upflow looks the value up letter by letter (member emails, workflow names, IDs): an invisible
   * space there makes the lookup fail instead of only looking odd, so it is an error, not a warning.
   */
  exact?: true;
  /**
   * Where Upflow keeps the value as the plain string the sheet holds: it is then sent there, compared
   * with what Upflow holds there, named by its label in the preview, and pulled back from there with
   * no code of its own. Fields Upflow keeps otherwise have their own code and no place here: the name
   * and IDs (identity, src/engine/payloads/identity.ts), the group (a parent reference), account
   * managers and workflow (ids resolved from emails and names), the contact's email (how contacts are
   * matched) and main contact (one per customer), Upflow's own IDs.
   */
  upflow?: UpflowPlace;
}

/**
 * The fields, in the order of the sheets' columns. Kept `as const`: the ids (FieldId, fieldIdSchema)
 * and Upflow's keys (UpflowKey, which the API schemas list) are read from it, so a field added here
 * needs no other list (test/engine/field-places.test.ts takes a field with a place the whole way).
 */
const definitions = [
  {
    id: 'customerName',
    label: 'Customer name',
    section: 'customer',
    maxLength: 255,
    help: 'Identifies this account on Upflow (list, details, analytics…).',
    aliases: [
      'customer name',
      'customer',
      'company',
      'company name',
      'account name',
      'account',
      'client',
      'client name',
      'name',
      'organization',
      'organisation',
      'organization name',
      'organisation name',
      'business name',
      'legal name',
      'display name',
      'customer display name',
      'associated company',
      'nom du client',
      'nom client',
      'raison sociale',
      'societe',
      'nom de la societe',
      'nom societe',
      'entreprise',
      'nom de l entreprise',
      'nom entreprise',
      'denomination',
      'denomination sociale',
      'nom du compte',
      'intitule',
      'intitule du compte',
      'nom commercial',
    ],
  },
  {
    id: 'customerId',
    code: true,
    exact: true,
    label: 'Customer ID',
    section: 'customer',
    maxLength: 255,
    help: 'Unique ID, convenient when several customers share a name. It should match the reference shown on your invoices.',
    aliases: [
      'customer id',
      'client id external id',
      'customer id external id',
      'customer reference',
      'customer ref',
      'customer number',
      'customer no',
      'customer code',
      'client id',
      'client number',
      'client no',
      'client code',
      'client reference',
      'account number',
      'account no',
      'account id',
      'id client',
      'identifiant client',
      'identifiant du client',
      'id du client',
      'reference client',
      'ref client',
      'reference du client',
      'numero client',
      'numero de client',
      'n client',
      'no client',
      'num client',
      'code client',
      'code du client',
      'numero de compte client',
    ],
  },
  {
    id: 'accountingCode',
    code: true,
    upflow: { on: 'customer', key: 'accountingRef' },
    label: 'Accounting code',
    section: 'customer',
    maxLength: 255,
    help: 'The customer account code in your accounting (e.g. 411DUPONT).',
    aliases: [
      'accounting code',
      'customer accounting code',
      'accounting ref',
      'accounting reference',
      'account code',
      'ledger account',
      'code comptable',
      'code comptable du client',
      'code comptable client',
      'compte comptable',
      'compte comptable client',
      'compte comptable du client',
      'reference comptable',
      'compte client',
      'code compta',
      'compte auxiliaire',
      'code auxiliaire',
      'compte tiers',
      'numero compte tiers',
      'numero de compte tiers',
      'n compte tiers',
      'compte de tiers',
      'code tiers',
    ],
  },
  {
    id: 'vatNumber',
    code: true,
    upflow: { on: 'customer', key: 'vatNumber' },
    label: 'VAT number',
    section: 'customer',
    maxLength: 64,
    help: 'Intra-community VAT number, with its country prefix (e.g. FR40303265045).',
    aliases: [
      'vat number',
      'vat',
      'vat id',
      'vat no',
      'vat code',
      'vat registration number',
      'vat registration no',
      'vat reg no',
      'vat identification number',
      'eu vat number',
      'intracommunity vat number',
      'intra community vat number',
      'tax id',
      'tax number',
      'tax registration number',
      'numero de tva',
      'numero tva',
      'tva',
      'n de tva',
      'no de tva',
      'tva intracommunautaire',
      'tva intracom',
      'tva intra',
      'n tva',
      'no tva',
      'n tva intracommunautaire',
      'numero de tva intracommunautaire',
      'numero tva intracommunautaire',
      'numero d identification tva',
      'identifiant tva',
      'id tva',
      'btw nummer',
      'partita iva',
      'nif iva',
    ],
  },
  {
    id: 'address',
    upflow: { on: 'address', key: 'address' },
    label: 'Address',
    section: 'customer',
    maxLength: 500,
    help: 'Street and number only; postal code, city, state and country have their own columns.',
    aliases: [
      'address',
      'street',
      'street address',
      'street 1',
      'street line 1',
      'address line',
      'address line 1',
      'address 1',
      'addr 1',
      'street road name',
      'full combined address',
      'adresse',
      'adresse 1',
      'adresse ligne 1',
      'ligne 1',
      'ligne adresse 1',
      'rue',
      'adresse postale',
      'voie',
      'numero et rue',
      'strasse',
    ],
  },
  {
    id: 'postalCode',
    code: true,
    upflow: { on: 'address', key: 'zipcode' },
    label: 'Postal code',
    section: 'customer',
    maxLength: 20,
    help: 'Postal code in the format of the country (e.g. 75008 in France). Format the column as plain text to keep leading zeros.',
    aliases: [
      'postal code',
      'postcode',
      'post code',
      'zip',
      'zip code',
      'zipcode',
      'zip postal code',
      'postal zip code',
      'zip postcode',
      'postcode zip',
      'zip postal',
      'code postal',
      'cp',
      'npa',
      'plz',
      'postleitzahl',
    ],
  },
  {
    id: 'city',
    upflow: { on: 'address', key: 'city' },
    label: 'City',
    section: 'customer',
    maxLength: 255,
    help: 'City of the billing address.',
    aliases: ['city', 'town', 'city town', 'town city', 'locality', 'suburb city', 'ville', 'commune', 'localite', 'ort'],
  },
  {
    id: 'state',
    upflow: { on: 'address', key: 'state' },
    label: 'State',
    section: 'customer',
    maxLength: 255,
    help: 'State, region or province, when the country uses one.',
    aliases: [
      'state',
      'region',
      'province',
      'county',
      'state region',
      'state province',
      'state province region',
      'state county',
      'province state',
      'region state',
      'province territory',
      'state territory',
      'state code',
      'province code',
      'region code',
      'etat',
      'departement',
      'etat province',
      'etat region',
    ],
  },
  {
    id: 'country',
    upflow: { on: 'address', key: 'country' },
    label: 'Country',
    section: 'customer',
    maxLength: 64,
    help: 'Country name or two-letter code (e.g. France or FR). It also decides how phone numbers, VAT numbers and postal codes are checked.',
    aliases: ['country', 'country code', 'country region', 'country name', 'country iso code', 'iso country code', 'pays', 'code pays', 'nom du pays', 'land'],
  },
  {
    id: 'groupName',
    label: 'Group name',
    section: 'group',
    maxLength: 255,
    help: "Fill it on a subsidiary's line with the customer name of its group (parent company).",
    aliases: [
      'group name',
      'group',
      'parent name',
      'parent',
      'parent company',
      'parent account',
      'parent account name',
      'parent customer',
      'parent customer name',
      'parent organization',
      'parent full name',
      'nom du groupe',
      'groupe',
      'nom groupe',
      'societe mere',
      'maison mere',
      'entite mere',
      'nom du parent',
      'compte parent',
      'client parent',
      'nom de la societe mere',
    ],
  },
  {
    id: 'groupId',
    code: true,
    exact: true,
    label: 'Group ID',
    section: 'group',
    maxLength: 255,
    help: "The group's Customer ID, when known; it removes any doubt when two groups share a name.",
    aliases: [
      'group id',
      'parent id',
      'group reference',
      'group external id',
      'parent external id',
      'parent account id',
      'parent customer id',
      'parent reference',
      'parent account number',
      'id groupe',
      'identifiant groupe',
      'id du groupe',
      'identifiant du groupe',
      'reference groupe',
      'id parent',
      'identifiant parent',
      'id de la societe mere',
    ],
  },
  {
    id: 'externalId',
    code: true,
    exact: true,
    label: 'External ID',
    section: 'assignment',
    maxLength: 255,
    help: 'The ID of the customer in your source system; Upflow uses it to find the customer to assign.',
    aliases: [
      'external id',
      'externalid',
      'external reference',
      'external ref',
      'source id',
      'id externe',
      'identifiant externe',
      'identifiant externe du client',
      'reference externe',
      'id source',
    ],
  },
  {
    id: 'accountManagers',
    exact: true,
    label: 'Account manager',
    section: 'assignment',
    maxLength: 2000,
    help: 'Email address of a member of your organization with the Account manager role. Separate emails with a comma to assign several.',
    aliases: [
      'account manager',
      'account managers',
      'account manager email',
      'account manager e mail',
      'account manager s',
      'email of the account manager',
      'email of account manager',
      'assigned account manager',
      'account manager email address',
      'account owner',
      'account owner email',
      'owner',
      'owner email',
      'company owner',
      'contact owner',
      'record owner',
      'assigned to',
      'sales rep',
      'sales representative',
      'salesperson',
      'sales person',
      'charge de compte',
      'charges de compte',
      'email du charge de compte',
      'gestionnaire de compte',
      'gestionnaire',
      'responsable de compte',
      'responsable du compte',
      'commercial',
      'commercial responsable',
      'charge d affaires',
      'email du commercial',
      'proprietaire',
      'proprietaire du compte',
    ],
  },
  {
    id: 'workflow',
    exact: true,
    label: 'Workflow',
    section: 'assignment',
    maxLength: 255,
    help: 'Name of the workflow assigned to the customer, exactly as displayed in your organization.',
    aliases: [
      'workflow',
      'workflow name',
      'dunning plan',
      'dunning plan name',
      'dunning workflow',
      'collection workflow',
      'reminder plan',
      'reminder workflow',
      'scenario de relance',
      'relance',
      'plan de relance',
      'nom du plan de relance',
      'scenario',
      'workflow de relance',
      'nom du workflow',
      'nom du scenario de relance',
    ],
  },
  {
    id: 'contactEmail',
    exact: true,
    label: 'Contact email',
    section: 'contact',
    maxLength: 254,
    help: "The contact's email address; one contact per line. It must be unique across your customers.",
    aliases: [
      'contact email',
      'contact email address',
      'email',
      'e mail',
      'email address',
      'e mail address',
      'email id',
      'mail',
      'contact e mail',
      'work email',
      'business email',
      'primary email',
      'email du contact',
      'adresse email',
      'adresse e mail',
      'adresse mail',
      'adresse electronique',
      'courriel',
      'e mail du contact',
      'mail contact',
      'email de contact',
    ],
  },
  {
    id: 'firstName',
    upflow: { on: 'contact', key: 'firstName' },
    label: 'First name',
    section: 'contact',
    maxLength: 255,
    help: "The contact's first name.",
    aliases: ['first name', 'firstname', 'first', 'given name', 'forename', 'contact first name', 'prenom', 'prenom du contact'],
  },
  {
    id: 'familyName',
    upflow: { on: 'contact', key: 'lastName' },
    label: 'Family name',
    section: 'contact',
    maxLength: 255,
    help: "The contact's family name.",
    aliases: ['family name', 'last name', 'lastname', 'surname', 'contact last name', 'nom de famille', 'nom du contact'],
  },
  {
    id: 'phoneNumber',
    code: true,
    upflow: { on: 'contact', key: 'phone' },
    label: 'Phone number',
    section: 'contact',
    maxLength: 64,
    help: 'Phone number, ideally international (+33 1 23 45 67 89). Without a prefix it is read for the country of the line.',
    aliases: [
      'phone number',
      'phone',
      'telephone',
      'telephone number',
      'tel',
      'mobile',
      'mobile phone',
      'mobile number',
      'cell',
      'cell phone',
      'work phone',
      'business phone',
      'office phone',
      'direct phone',
      'numero de telephone',
      'n de telephone',
      'numero telephone',
      'n telephone',
      'telephone du contact',
      'portable',
      'tel portable',
      'telephone portable',
      'tel fixe',
      'tel mobile',
      'gsm',
    ],
  },
  {
    id: 'contactId',
    code: true,
    upflow: { on: 'contact', key: 'externalId' },
    label: 'Contact ID',
    section: 'contact',
    maxLength: 255,
    help: "The contact's ID in your source system. Upload it if you intend to update their details via integration.",
    aliases: [
      'contact id',
      'contact reference',
      'contact external id',
      'contact number',
      'id contact',
      'identifiant contact',
      'identifiant du contact',
      'id du contact',
      'reference contact',
    ],
  },
  {
    id: 'position',
    upflow: { on: 'contact', key: 'position' },
    label: 'Position',
    section: 'contact',
    maxLength: 32,
    help: "Used to choose reminders' recipients: Accounting, Sales, Purchaser or Payer.",
    aliases: ['position', 'role', 'contact role', 'contact position', 'fonction', 'poste', 'role du contact'],
  },
  {
    id: 'mainContact',
    label: 'Main contact',
    section: 'contact',
    maxLength: 8,
    help: 'Put "1" (or tick the box) on the line of the main contact. One main contact per customer; the latest import wins.',
    aliases: ['main contact', 'main', 'is main contact', 'is primary contact', 'is main', 'is primary', 'contact principal', 'principal'],
  },
  {
    id: 'upflowId',
    code: true,
    exact: true,
    label: 'Upflow ID',
    section: 'customer',
    maxLength: 255,
    fromUpflow: true,
    help: "Upflow's own ID of the customer, filled in by Get customers from Upflow: the line updates exactly that customer, even one without a Customer ID or sharing its name. Leave it as it is.",
    aliases: ['upflow id', 'upflow customer id', 'id upflow', 'identifiant upflow', 'id client upflow'],
  },
  {
    id: 'upflowContactId',
    code: true,
    exact: true,
    label: 'Upflow contact ID',
    section: 'contact',
    maxLength: 255,
    fromUpflow: true,
    help: "Upflow's own ID of the contact, filled in by Get customers from Upflow: the line updates that contact, even when its email changes. Leave it as it is.",
    aliases: ['upflow contact id', 'id contact upflow', 'identifiant contact upflow'],
  },
] as const satisfies ReadonlyArray<FieldDefinition<string>>;

type Definition = (typeof definitions)[number];
export type FieldId = Definition['id'];
/** The ids of one section's fields, for types that hold only those. */
export type FieldIdIn<S extends Section> = Extract<Definition, { section: S }>['id'];
/** The keys Upflow keeps plain strings under at one place, as a type: schemas list exactly these. */
export type UpflowKey<On extends UpflowPlace['on']> = Extract<Definition, { upflow: { on: On } }>['upflow']['key'];

export const FIELD_IDS: readonly FieldId[] = definitions.map((d) => d.id);
export const fieldIdSchema = z.enum(FIELD_IDS);
export const FIELDS: ReadonlyMap<FieldId, FieldDefinition> = new Map(definitions.map((d) => [d.id, d]));

export function field(id: FieldId): FieldDefinition {
  const definition = FIELDS.get(id);
  if (!definition) throw new Error(`Unknown field ${id}`);
  return definition;
}

/** The flagged field a row needs once it fills any field of the section. */
export const SECTION_FLAG: Record<Section, FieldId> = {
  customer: 'customerName',
  group: 'groupName',
  assignment: 'externalId',
  contact: 'contactEmail',
};

/** Fields a person fills: those of Upflow's importer, without the IDs only a pull writes. */
export const typedFields = (ids: readonly FieldId[]): FieldId[] => ids.filter((id) => !field(id).fromUpflow);

export const fieldsOfSection = (section: Section): FieldId[] => definitions.filter((d) => d.section === section).map((d) => d.id);

let placed: Record<UpflowPlace['on'], Array<{ id: FieldId; key: string }>> | undefined;

/** The fields Upflow keeps as plain strings at one place, in the sheet's order, with their key there. */
export function upflowFields<On extends UpflowPlace['on']>(on: On): ReadonlyArray<{ id: FieldId; key: UpflowKey<On> }> {
  // Grouped once: requests, comparisons and pulled lines ask for them for every customer and contact.
  if (!placed) {
    placed = { customer: [], address: [], contact: [] };
    for (const d of definitions as ReadonlyArray<FieldDefinition>) if (d.upflow) placed[d.upflow.on].push({ id: d.id, key: d.upflow.key });
  }
  return placed[on] as ReadonlyArray<{ id: FieldId; key: UpflowKey<On> }>;
}
