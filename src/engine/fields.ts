import { z } from 'zod';

export const fieldIdSchema = z.enum([
  'customerName', 'customerId', 'accountingCode', 'vatNumber', 'address', 'postalCode', 'city', 'state', 'country',
  'groupName', 'groupId',
  'externalId', 'accountManagers', 'workflow',
  'contactEmail', 'firstName', 'familyName', 'phoneNumber', 'contactId', 'position', 'mainContact',
]);
export type FieldId = z.infer<typeof fieldIdSchema>;

/**
 * The seed article groups columns in sections; each section has one flagged (🚩) field that a
 * row needs as soon as it fills any field of that section.
 */
export const sectionSchema = z.enum(['customer', 'group', 'assignment', 'contact']);
export type Section = z.infer<typeof sectionSchema>;

export interface FieldDefinition {
  id: FieldId;
  label: string;
  help: string;
  section: Section;
  /** The Upflow API field the column feeds (see docs/upflow-api.md). */
  apiField: string;
  /** Header spellings, English and French; matched after normalisation. */
  aliases: readonly string[];
  /** Schema of the cleaned text once the cell rules accepted it. */
  schema: z.ZodType<string>;
  maxLength: number;
}

const text = (max: number) => z.string().min(1).max(max);

const definitions: FieldDefinition[] = [
  {
    id: 'customerName', label: 'Customer name', section: 'customer', apiField: 'name', maxLength: 255,
    help: 'Identifies this account on Upflow (list, details, analytics…).',
    aliases: ['customer name', 'customer', 'company', 'company name', 'account name', 'client', 'client name', 'name', 'nom du client', 'nom client', 'raison sociale', 'societe', 'nom de la societe', 'entreprise'],
    schema: text(255),
  },
  {
    id: 'customerId', label: 'Customer ID', section: 'customer', apiField: 'externalId', maxLength: 255,
    help: 'Unique ID, convenient when several customers share a name. It should match the reference shown on your invoices.',
    aliases: ['customer id', 'customer reference', 'customer ref', 'customer number', 'client id', 'id client', 'identifiant client', 'reference client', 'ref client', 'numero client', 'code client'],
    schema: text(255),
  },
  {
    id: 'accountingCode', label: 'Accounting code', section: 'customer', apiField: 'accountingRef', maxLength: 255,
    help: 'The customer account code in your accounting (e.g. 411DUPONT).',
    aliases: ['accounting code', 'accounting ref', 'accounting reference', 'account code', 'code comptable', 'compte comptable', 'reference comptable', 'compte client', 'code compta'],
    schema: text(255),
  },
  {
    id: 'vatNumber', label: 'VAT number', section: 'customer', apiField: 'vatNumber', maxLength: 64,
    help: 'Intra-community VAT number, with its country prefix (e.g. FR40303265045).',
    aliases: ['vat number', 'vat', 'vat id', 'vat no', 'tax id', 'tax number', 'numero de tva', 'numero tva', 'tva', 'tva intracommunautaire', 'n tva', 'no tva', 'numero de tva intracommunautaire'],
    schema: text(64),
  },
  {
    id: 'address', label: 'Address', section: 'customer', apiField: 'address.address', maxLength: 500,
    help: 'Street and number only; postal code, city, state and country have their own columns.',
    aliases: ['address', 'street', 'street address', 'address line', 'address line 1', 'adresse', 'rue', 'adresse postale', 'voie'],
    schema: text(500),
  },
  {
    id: 'postalCode', label: 'Postal code', section: 'customer', apiField: 'address.zipcode', maxLength: 20,
    help: 'Postal code in the format of the country (e.g. 75008 in France). Format the column as plain text to keep leading zeros.',
    aliases: ['postal code', 'postcode', 'post code', 'zip', 'zip code', 'zipcode', 'code postal', 'cp'],
    schema: text(20),
  },
  {
    id: 'city', label: 'City', section: 'customer', apiField: 'address.city', maxLength: 255,
    help: 'City of the billing address.',
    aliases: ['city', 'town', 'ville', 'commune', 'localite'],
    schema: text(255),
  },
  {
    id: 'state', label: 'State', section: 'customer', apiField: 'address.state', maxLength: 255,
    help: 'State, region or province, when the country uses one.',
    aliases: ['state', 'region', 'province', 'county', 'etat', 'departement'],
    schema: text(255),
  },
  {
    id: 'country', label: 'Country', section: 'customer', apiField: 'address.country', maxLength: 64,
    help: 'Country name or two-letter code (e.g. France or FR). It also decides how phone numbers, VAT numbers and postal codes are checked.',
    aliases: ['country', 'country code', 'pays', 'code pays'],
    schema: text(64),
  },
  {
    id: 'groupName', label: 'Group name', section: 'group', apiField: 'parent', maxLength: 255,
    help: "Fill it on a subsidiary's line with the customer name of its group (parent company).",
    aliases: ['group name', 'group', 'parent name', 'parent', 'parent company', 'nom du groupe', 'groupe', 'nom groupe', 'societe mere', 'maison mere', 'nom du parent'],
    schema: text(255),
  },
  {
    id: 'groupId', label: 'Group ID', section: 'group', apiField: 'parent.externalId', maxLength: 255,
    help: "The group's Customer ID, when known; it removes any doubt when two groups share a name.",
    aliases: ['group id', 'parent id', 'group reference', 'id groupe', 'identifiant groupe', 'id du groupe', 'reference groupe', 'id parent'],
    schema: text(255),
  },
  {
    id: 'externalId', label: 'External ID', section: 'assignment', apiField: 'externalId', maxLength: 255,
    help: 'The ID of the customer in your source system; Upflow uses it to find the customer to assign.',
    aliases: ['external id', 'externalid', 'source id', 'id externe', 'identifiant externe', 'reference externe', 'id source'],
    schema: text(255),
  },
  {
    id: 'accountManagers', label: 'Account manager', section: 'assignment', apiField: 'accountManagerId', maxLength: 2000,
    help: 'Email address of a member of your organization with the Account manager role. Separate emails with a comma to assign several.',
    aliases: ['account manager', 'account managers', 'account manager email', 'account manager(s)', 'sales rep', 'owner', 'charge de compte', 'charges de compte', 'gestionnaire de compte', 'gestionnaire', 'responsable de compte', 'commercial'],
    schema: text(2000),
  },
  {
    id: 'workflow', label: 'Workflow', section: 'assignment', apiField: 'dunningPlanId', maxLength: 255,
    help: 'Name of the workflow assigned to the customer, exactly as displayed in your organization.',
    aliases: ['workflow', 'dunning plan', 'workflow name', 'reminder plan', 'scenario de relance', 'relance', 'plan de relance', 'scenario', 'workflow de relance'],
    schema: text(255),
  },
  {
    id: 'contactEmail', label: 'Contact email', section: 'contact', apiField: 'contacts[].email', maxLength: 254,
    help: "The contact's email address; one contact per line. It must be unique across your customers.",
    aliases: ['contact email', 'email', 'e-mail', 'email address', 'mail', 'contact e-mail', 'email du contact', 'adresse email', 'adresse e-mail', 'courriel', 'e-mail du contact', 'mail contact'],
    schema: z.email().max(254),
  },
  {
    id: 'firstName', label: 'First name', section: 'contact', apiField: 'contacts[].firstName', maxLength: 255,
    help: "The contact's first name.",
    aliases: ['first name', 'firstname', 'given name', 'contact first name', 'prenom', 'prenom du contact'],
    schema: text(255),
  },
  {
    id: 'familyName', label: 'Family name', section: 'contact', apiField: 'contacts[].lastName', maxLength: 255,
    help: "The contact's family name.",
    aliases: ['family name', 'last name', 'lastname', 'surname', 'contact last name', 'nom de famille', 'nom du contact'],
    schema: text(255),
  },
  {
    id: 'phoneNumber', label: 'Phone number', section: 'contact', apiField: 'contacts[].phone', maxLength: 64,
    help: 'Phone number, ideally international (+33 1 23 45 67 89). Without a prefix it is read for the country of the line.',
    aliases: ['phone number', 'phone', 'telephone', 'tel', 'mobile', 'mobile phone', 'numero de telephone', 'telephone du contact', 'portable', 'tel portable'],
    schema: text(64),
  },
  {
    id: 'contactId', label: 'Contact ID', section: 'contact', apiField: 'contacts[].externalId', maxLength: 255,
    help: "The contact's ID in your source system. Upload it if you intend to update their details via integration.",
    aliases: ['contact id', 'contact reference', 'id contact', 'identifiant contact', 'reference contact'],
    schema: text(255),
  },
  {
    id: 'position', label: 'Position', section: 'contact', apiField: 'contacts[].position', maxLength: 32,
    help: "Used to choose reminders' recipients: Accounting, Sales, Purchaser or Payer.",
    aliases: ['position', 'role', 'job', 'contact role', 'contact position', 'fonction', 'poste', 'role du contact'],
    schema: z.enum(['ACCOUNTING', 'SALES', 'PURCHASER', 'PAYER']),
  },
  {
    id: 'mainContact', label: 'Main contact', section: 'contact', apiField: 'contacts[].isMain', maxLength: 8,
    help: 'Put "1" (or tick the box) on the line of the main contact. One main contact per customer; the latest import wins.',
    aliases: ['main contact', 'main', 'primary contact', 'is main', 'primary', 'contact principal', 'principal'],
    schema: z.enum(['1', '']),
  },
];

export const FIELDS: ReadonlyMap<FieldId, FieldDefinition> = new Map(definitions.map((d) => [d.id, d]));
export const FIELD_IDS: readonly FieldId[] = fieldIdSchema.options;

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

export const fieldsOfSection = (section: Section): FieldId[] =>
  definitions.filter((d) => d.section === section).map((d) => d.id);
