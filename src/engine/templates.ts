import * as z from './zod';
import { FIELD_IDS, fieldsOfSection, type FieldId, type Section } from './fields';

export const templateIdSchema = z.enum(['customers', 'contacts', 'assign', 'all']);
export type TemplateId = z.infer<typeof templateIdSchema>;

export interface Template {
  id: TemplateId;
  label: string;
  description: string;
  sections: readonly Section[];
  /** Fields the template offers, in the order of its columns. */
  fields: readonly FieldId[];
  /** Fields whose column must be mapped (the seed's red flags for this template). */
  required: readonly FieldId[];
  /** Demo lines in the spirit of Upflow's downloadable templates, keyed by field. */
  demo: ReadonlyArray<Partial<Record<FieldId, string>>>;
}

const customerFields = fieldsOfSection('customer');
const groupFields = fieldsOfSection('group');
const contactFields = fieldsOfSection('contact');

const demoCustomers: Array<Partial<Record<FieldId, string>>> = [
  {
    customerName: 'Boulangeries Martin',
    customerId: 'C-1001',
    accountingCode: '411MARTIN',
    vatNumber: 'FR40303265045',
    address: '12 rue de la Paix',
    postalCode: '75002',
    city: 'Paris',
    country: 'France',
  },
  {
    customerName: 'Martin Lyon',
    customerId: 'C-1002',
    accountingCode: '411MARTLY',
    address: '3 quai Saint-Antoine',
    postalCode: '69002',
    city: 'Lyon',
    country: 'France',
    groupName: 'Boulangeries Martin',
    groupId: 'C-1001',
  },
  {
    customerName: 'Acme Ltd',
    customerId: 'C-2001',
    accountingCode: '411ACME',
    vatNumber: 'GB980780684',
    address: '10 Downing Street',
    postalCode: 'SW1A 2AA',
    city: 'London',
    country: 'United Kingdom',
  },
];

export const TEMPLATES: Record<TemplateId, Template> = {
  customers: {
    id: 'customers',
    label: 'Customers',
    description: 'One line per customer with its details, and its group when it has one.',
    sections: ['customer', 'group'],
    fields: [...customerFields, ...groupFields],
    required: ['customerName'],
    demo: demoCustomers,
  },
  contacts: {
    id: 'contacts',
    label: 'Customers and contacts',
    description: 'One line per contact; repeat the customer name (and ID) on the lines of customers with several contacts.',
    sections: ['customer', 'group', 'contact'],
    fields: [...customerFields, ...groupFields, ...contactFields],
    required: ['customerName', 'contactEmail'],
    demo: [
      {
        ...demoCustomers[0],
        contactEmail: 'claire.martin@boulangeries-martin.fr',
        firstName: 'Claire',
        familyName: 'Martin',
        phoneNumber: '+33 1 42 68 53 00',
        position: 'Accounting',
        mainContact: '1',
      },
      { ...demoCustomers[0], contactEmail: 'paul.durand@boulangeries-martin.fr', firstName: 'Paul', familyName: 'Durand', phoneNumber: '06 12 34 56 78', position: 'Purchaser' },
      { ...demoCustomers[2], contactEmail: 'jane.doe@acme.co.uk', firstName: 'Jane', familyName: 'Doe', phoneNumber: '+44 20 7946 0958', position: 'Payer', mainContact: '1' },
    ],
  },
  assign: {
    id: 'assign',
    label: 'Account managers and workflows',
    description: 'One line per customer, found by its External ID, with the account manager(s) and workflow to assign.',
    sections: ['assignment'],
    fields: ['customerName', 'externalId', 'accountManagers', 'workflow'],
    required: ['externalId'],
    demo: [
      { customerName: 'Boulangeries Martin', externalId: 'C-1001', accountManagers: 'camille.dubois@example.com', workflow: 'Standard' },
      { customerName: 'Acme Ltd', externalId: 'C-2001', accountManagers: 'camille.dubois@example.com, john.smith@example.com', workflow: 'Key accounts' },
    ],
  },
  all: {
    id: 'all',
    label: 'All of the above',
    description: 'Customers, their groups, contacts, account managers and workflows in one sheet; one line per contact.',
    sections: ['customer', 'group', 'assignment', 'contact'],
    fields: FIELD_IDS,
    required: ['customerName'],
    demo: [
      {
        ...demoCustomers[0],
        externalId: 'C-1001',
        accountManagers: 'camille.dubois@example.com',
        workflow: 'Standard',
        contactEmail: 'claire.martin@boulangeries-martin.fr',
        firstName: 'Claire',
        familyName: 'Martin',
        phoneNumber: '+33 1 42 68 53 00',
        contactId: 'CT-1',
        position: 'Accounting',
        mainContact: '1',
      },
      {
        ...demoCustomers[1],
        externalId: 'C-1002',
        accountManagers: 'camille.dubois@example.com',
        workflow: 'Standard',
        contactEmail: 'luc.bernard@martin-lyon.fr',
        firstName: 'Luc',
        familyName: 'Bernard',
        phoneNumber: '04 78 00 00 00',
        contactId: 'CT-2',
        position: 'Payer',
        mainContact: '1',
      },
      {
        ...demoCustomers[2],
        externalId: 'C-2001',
        accountManagers: 'john.smith@example.com',
        workflow: 'Key accounts',
        contactEmail: 'jane.doe@acme.co.uk',
        firstName: 'Jane',
        familyName: 'Doe',
        phoneNumber: '+44 20 7946 0958',
        contactId: 'CT-3',
        position: 'Sales',
        mainContact: '1',
      },
    ],
  },
};

export const TEMPLATE_IDS: readonly TemplateId[] = templateIdSchema.options;
