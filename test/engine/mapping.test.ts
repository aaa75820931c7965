import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHeaderRow, inferTemplate, mapHeaders } from '../../src/engine/mapping';
import { FIELD_IDS, field } from '../../src/engine/fields';
import { TEMPLATES, type TemplateId } from '../../src/engine/templates';

const fieldsOf = (headers: string[], template?: TemplateId) => mapHeaders(headers, template ? { template } : {}).columns.map((c) => c.field);

test('every field label maps to its own field in the "all" template', () => {
  const labels = FIELD_IDS.map((id) => field(id).label);
  assert.deepEqual(fieldsOf(labels, 'all'), [...FIELD_IDS]);
});

test('French headers with accents, case and punctuation map to their fields', () => {
  const result = mapHeaders(['Nom du client', 'CODE POSTAL', 'Numéro de TVA', 'Prénom', 'Téléphone', 'E-mail', 'Nom de famille', 'Contact principal'], { template: 'all' });
  assert.deepEqual(
    result.columns.map((c) => c.field),
    ['customerName', 'postalCode', 'vatNumber', 'firstName', 'phoneNumber', 'contactEmail', 'familyName', 'mainContact'],
  );
  assert.ok(result.columns.every((c) => c.confidence === 1));
});

test('a near-miss header is applied as a guess with its confidence, a weak one only suggested', () => {
  const result = mapHeaders(['Customer nme', 'Postl cod', 'Xyzzy'], { template: 'customers' });
  const [name, postal, junk] = result.columns;
  assert.equal(name!.field, 'customerName');
  assert.equal(name!.how, 'fuzzy');
  assert.ok(name!.confidence < 1 && name!.confidence >= 0.85);
  assert.equal(postal!.field, null, 'a weak guess must not be applied silently');
  assert.equal(postal!.suggestion, 'postalCode');
  assert.equal(junk!.field, null);
  assert.equal(junk!.suggestion, null);
});

test('required fields left unmapped are reported per template', () => {
  assert.deepEqual(mapHeaders(['City', 'Country'], { template: 'customers' }).missingRequired, ['customerName']);
  assert.deepEqual(mapHeaders(['Customer name', 'First name'], { template: 'contacts' }).missingRequired, ['contactEmail']);
  assert.deepEqual(mapHeaders(['Account manager', 'Workflow'], { template: 'assign' }).missingRequired, ['externalId']);
  assert.deepEqual(mapHeaders(['Customer name', 'Group ID'], { template: 'customers' }).missingRequired, ['groupName']);
  assert.deepEqual(mapHeaders(['Customer name', 'Workflow'], { template: 'all' }).missingRequired, []);
});

test('two columns claiming one field are reported and the first one is used', () => {
  const result = mapHeaders(['Email', 'Customer name', 'Contact email'], { template: 'contacts' });
  assert.deepEqual(result.conflicts, [{ field: 'contactEmail', columns: ['A', 'C'] }]);
  assert.equal(result.fieldColumns.contactEmail, 0);
});

test('the template is inferred from the mapped fields', () => {
  assert.equal(inferTemplate(['customerName', 'city']), 'customers');
  assert.equal(inferTemplate(['customerName', 'contactEmail']), 'contacts');
  assert.equal(inferTemplate(['externalId', 'workflow']), 'assign');
  assert.equal(inferTemplate(['customerName', 'externalId', 'workflow']), 'assign');
  assert.equal(inferTemplate(['customerName', 'city', 'workflow', 'contactEmail']), 'all');
  const mapped = mapHeaders(['Nom du client', 'Email', 'Prénom']);
  assert.equal(mapped.template, 'contacts');
  assert.equal(mapped.templateInferred, true);
});

test('a field the chosen template does not offer is left unmapped with a suggestion', () => {
  const result = mapHeaders(['Customer name', 'Contact email'], { template: 'customers' });
  assert.equal(result.columns[1]!.field, null);
  assert.equal(result.columns[1]!.suggestion, 'contactEmail');
});

test('the saved mapping wins over matching, including a column the user chose to skip', () => {
  const result = mapHeaders(['Société', 'Ref'], { template: 'customers', saved: { societe: null, ref: 'customerId' } });
  assert.deepEqual(
    result.columns.map((c) => [c.field, c.how]),
    [
      [null, 'saved'],
      ['customerId', 'saved'],
    ],
  );
});

test('blank and numeric headers do not crash and stay unmapped', () => {
  const result = mapHeaders(['', 42, true, new Date(0), 'City'], { template: 'customers' });
  assert.deepEqual(
    result.columns.map((c) => c.field),
    [null, null, null, null, 'city'],
  );
});

test('the header row is found below a title row', () => {
  const grid = [['Customer import, November'], [''], ['Customer name', 'City', 'Country'], ['Acme', 'Paris', 'FR']];
  assert.equal(findHeaderRow(grid), 2);
  assert.equal(
    findHeaderRow([
      ['a', 'b'],
      ['c', 'd'],
    ]),
    0,
  );
});

test('every template offers its required fields', () => {
  for (const template of Object.values(TEMPLATES)) {
    for (const id of template.required) assert.ok(template.fields.includes(id), `${template.id} requires ${id}`);
  }
});

test("Upflow's own spellings, current and older, English and French, map to their fields", () => {
  const headers = [
    'Contact email address',
    'Client ID (External Id)',
    'State/Region',
    'Email of the Account Manager',
    'Customer accounting code',
    'Code comptable du client',
    'Nom du plan de relance',
    'Identifiant Externe du client',
    'Parent name',
    'Parent ID',
  ];
  assert.deepEqual(fieldsOf(headers, 'all'), [
    'contactEmail',
    'customerId',
    'state',
    'accountManagers',
    'accountingCode',
    'accountingCode',
    'workflow',
    'externalId',
    'groupName',
    'groupId',
  ]);
  const contacts = mapHeaders(['Customer name', 'Client ID (External Id)', 'Contact email address', 'First name']);
  assert.equal(contacts.template, 'contacts');
  assert.deepEqual(contacts.missingRequired, []);
});

test('qualified export headers are read apart: billing wins over shipping, Person - and Organization - prefixes', () => {
  const salesforce = mapHeaders([
    'Account Name',
    'Shipping City',
    'Billing City',
    'Billing Zip/Postal Code',
    'Shipping Country',
    'Billing Country',
    'Parent Account',
    'Account Number',
  ]);
  assert.deepEqual(
    salesforce.columns.map((c) => c.field),
    ['customerName', null, 'city', 'postalCode', null, 'country', 'groupName', 'customerId'],
  );
  assert.deepEqual(salesforce.conflicts, [], 'a shipping column steps aside instead of competing with the billing one');
  assert.deepEqual(fieldsOf(['Person - Email - Work', 'Person - Phone - Mobile', 'Person - Organization', 'Person - Name', 'Organization - Address - City/town']), [
    'contactEmail',
    'phoneNumber',
    'customerName',
    null,
    'city',
  ]);
  assert.deepEqual(fieldsOf(['BillingStreet', 'BillingPostalCode', 'POCity', 'SACity', 'EmailAddress', 'FirstName']), [
    'address',
    'postalCode',
    'city',
    null,
    'contactEmail',
    'firstName',
  ]);
  assert.deepEqual(fieldsOf(['Shipping City', 'Company']), ['city', 'customerName'], 'a shipping address is used when it is the only one');
});

test('a company phone is not a contact phone, and a phone alone does not make a contacts sheet', () => {
  const accounts = mapHeaders(['Account Name', 'Phone', 'Billing City']);
  assert.equal(accounts.template, 'customers');
  assert.equal(accounts.columns[1]!.field, null);
  assert.equal(accounts.columns[1]!.suggestion, null);
  assert.deepEqual(accounts.missingRequired, []);
  const people = mapHeaders(['Company', 'Email', 'Phone', 'Organization - Phone']);
  assert.deepEqual(
    people.columns.map((c) => c.field),
    ['customerName', 'contactEmail', 'phoneNumber', null],
  );
});

test('look-alike columns are neither mapped nor suggested', () => {
  const result = mapHeaders(['Customer name', 'Fax Number', 'Department', 'Address 2', 'Account Site', 'Cust. ID']);
  assert.deepEqual(
    result.columns.map((c) => [c.field, c.suggestion]),
    [
      ['customerName', null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      ['customerId', null],
    ],
  );
});

test("a bare ID is the contact's beside a person's name and the customer's otherwise; an address's phone gives way to a plain one", () => {
  assert.deepEqual(fieldsOf(['Record ID', 'First Name', 'Last Name', 'Email']), ['contactId', 'firstName', 'familyName', 'contactEmail']);
  assert.deepEqual(fieldsOf(['id', 'Name', 'Email', 'Address City']), ['customerId', 'customerName', 'contactEmail', 'city']);
  const shopify = mapHeaders(['First Name', 'Email', 'Default Address Company', 'Default Address Phone', 'Phone']);
  assert.deepEqual(
    shopify.columns.map((c) => c.field),
    ['firstName', 'contactEmail', 'customerName', null, 'phoneNumber'],
  );
  assert.deepEqual(shopify.conflicts, []);
});
