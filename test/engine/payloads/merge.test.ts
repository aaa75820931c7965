import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, importRequest, requestOf, line, plan } from './fixtures';

test('lines of one customer merge into one request with a contact per email', () => {
  const { requests, problems } = plan([
    line(2, { customerName: 'Acme', customerId: 'C1', city: 'Paris', contactEmail: 'a@acme.fr', firstName: 'Ann' }),
    line(3, { customerName: 'Acme', customerId: 'C1', contactEmail: 'b@acme.fr', familyName: 'Bee' }),
    line(4, { customerName: 'Other', contactEmail: 'o@other.fr' }),
  ]);
  assert.equal(requests.length, 2);
  const acme = importRequest(requests, 'id:C1');
  assert.deepEqual(acme.rows, [2, 3]);
  assert.deepEqual(acme.body, {
    name: 'Acme',
    externalId: 'C1',
    address: { city: 'Paris' },
    contacts: [
      { email: 'a@acme.fr', firstName: 'Ann' },
      { email: 'b@acme.fr', lastName: 'Bee' },
    ],
  });
  assert.deepEqual(importRequest(requests, 'name:other').body, { name: 'Other', contacts: [{ email: 'o@other.fr' }] });
  assert.deepEqual(problems, []);
});

test('names identify customers without ID, whatever their case and spaces', () => {
  const { requests } = plan([
    line(2, { customerName: 'Boulangerie  Martin', contactEmail: 'a@b.fr' }),
    line(3, { customerName: 'boulangerie\u00a0martin ', contactEmail: 'c@b.fr' }),
  ]);
  assert.equal(requests.length, 1);
  const request = importRequest(requests, 'name:boulangerie martin');
  assert.deepEqual(request.rows, [2, 3]);
  assert.equal(request.body.name, 'Boulangerie  Martin', 'the first line spelling is sent');
});

test('a line with only the name joins the customer that has an ID; with two such customers it is refused', () => {
  const joined = plan([line(2, { customerName: 'Acme', customerId: 'C1', contactEmail: 'a@acme.fr' }), line(3, { customerName: 'ACME', contactEmail: 'b@acme.fr' })]);
  assert.deepEqual(
    joined.requests.map((j) => j.rows),
    [[2, 3]],
  );

  const ambiguous = plan([
    line(2, { customerName: 'Acme', customerId: 'C1' }),
    line(3, { customerName: 'Acme', customerId: 'C2' }),
    line(4, { customerName: 'Acme', contactEmail: 'b@acme.fr' }),
  ]);
  assert.deepEqual(
    ambiguous.requests.map((j) => j.key),
    ['id:C1', 'id:C2'],
  );
  assert.deepEqual(ambiguous.skippedRows, [4]);
  assert.deepEqual(codes(ambiguous.problems), ['AMBIGUOUS_CUSTOMER']);
});

test('Customer ID wins over a different External ID, which is reported; External ID alone identifies', () => {
  const { requests, problems } = plan([line(2, { customerName: 'Acme', customerId: 'C1', externalId: 'X9' }), line(3, { customerName: 'Beta', externalId: 'X2' })], {
    fieldColumns: { customerName: 0, customerId: 1, externalId: 2 },
  });
  assert.equal(importRequest(requests, 'id:C1').body.externalId, 'C1');
  assert.equal(requestOf(requests, 'id:C1').externalId, 'C1');
  assert.equal(importRequest(requests, 'id:X2').body.externalId, 'X2');
  assert.deepEqual(
    problems.map((p) => [p.code, p.cell, p.severity]),
    [['EXTERNAL_ID_DIFFERS', 'C2', 'warning']],
  );
});

test('the first filled value wins and a different one on a later line is reported at its cell', () => {
  const { requests, problems } = plan(
    [
      line(2, { customerName: 'Acme', customerId: 'C1', contactEmail: 'a@acme.fr' }),
      line(3, { customerName: 'Acme', customerId: 'C1', city: 'Lyon', contactEmail: 'b@acme.fr' }),
      line(4, { customerName: 'Acme', customerId: 'C1', city: 'Paris', contactEmail: 'c@acme.fr' }),
    ],
    { fieldColumns: { city: 3 }, firstColumn: 1 },
  );
  assert.deepEqual(importRequest(requests, 'id:C1').body.address, { city: 'Lyon' });
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.code, 'DIFFERS_BETWEEN_LINES');
  assert.equal(problems[0]!.cell, 'E4');
});

test('duplicate contact lines merge by email, filling each other in', () => {
  const { requests } = plan([
    line(2, { customerName: 'Acme', contactEmail: 'a@acme.fr', firstName: 'Ann' }),
    line(3, { customerName: 'Acme', contactEmail: 'a@acme.fr', phoneNumber: '+33123456789', position: 'PAYER' }),
  ]);
  assert.deepEqual(importRequest(requests, 'name:acme').body.contacts, [{ email: 'a@acme.fr', firstName: 'Ann', phone: '+33123456789', position: 'PAYER' }]);
});

test('contact fields map to the API names', () => {
  const { requests } = plan([
    line(2, {
      customerName: 'Acme',
      contactEmail: 'a@acme.fr',
      firstName: 'Ann',
      familyName: 'Lee',
      phoneNumber: '+33123456789',
      contactId: 'CT-1',
      position: 'ACCOUNTING',
      mainContact: '1',
    }),
  ]);
  assert.deepEqual(importRequest(requests, 'name:acme').body.contacts, [
    {
      email: 'a@acme.fr',
      firstName: 'Ann',
      lastName: 'Lee',
      phone: '+33123456789',
      externalId: 'CT-1',
      position: 'ACCOUNTING',
      isMain: true,
    },
  ]);
});

test('isMain is true only for the main contact and absent when no line names one', () => {
  const withMain = plan([line(2, { customerName: 'Acme', contactEmail: 'a@acme.fr' }), line(3, { customerName: 'Acme', contactEmail: 'b@acme.fr', mainContact: '1' })]);
  assert.deepEqual(
    importRequest(withMain.requests, 'name:acme').body.contacts?.map((c) => c.isMain),
    [undefined, true],
  );
  assert.ok(!('isMain' in importRequest(withMain.requests, 'name:acme').body.contacts![0]!), 'no isMain: false is sent');

  const withoutMain = plan([line(2, { customerName: 'Acme', contactEmail: 'a@acme.fr' })]);
  assert.ok(!('isMain' in importRequest(withoutMain.requests, 'name:acme').body.contacts![0]!));
});

test('with two main contacts the later line wins, as in Upflow, and the other is reported', () => {
  const { requests, problems } = plan([
    line(2, { customerName: 'Acme', contactEmail: 'a@acme.fr', mainContact: '1' }),
    line(3, { customerName: 'Acme', contactEmail: 'b@acme.fr', mainContact: '1' }),
  ]);
  assert.deepEqual(
    importRequest(requests, 'name:acme').body.contacts?.map((c) => c.isMain),
    [undefined, true],
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.row]),
    [['MAIN_CONTACT_DUPLICATE', 2]],
  );
});

test('a customer may have no contacts: no contacts key is sent', () => {
  const { requests } = plan([line(2, { customerName: 'Acme', customerId: 'C1', vatNumber: 'FR40303265045' })]);
  assert.deepEqual(importRequest(requests, 'id:C1').body, { name: 'Acme', externalId: 'C1', vatNumber: 'FR40303265045' });
});

test('every customer field goes to its API field; only filled fields are sent', () => {
  const { requests } = plan([
    line(2, {
      customerName: 'Acme',
      customerId: 'C1',
      accountingCode: '411ACME',
      vatNumber: 'FR40303265045',
      address: '1 rue X',
      postalCode: '75001',
      city: 'Paris',
      state: 'IDF',
      country: 'FR',
    }),
  ]);
  assert.deepEqual(importRequest(requests, 'id:C1').body, {
    name: 'Acme',
    externalId: 'C1',
    accountingRef: '411ACME',
    vatNumber: 'FR40303265045',
    address: { address: '1 rue X', zipcode: '75001', city: 'Paris', state: 'IDF', country: 'FR' },
  });
  const sparse = plan([line(2, { customerName: 'Acme', postalCode: '75001' })]);
  assert.deepEqual(importRequest(sparse.requests, 'name:acme').body, { name: 'Acme', address: { zipcode: '75001' } });
});

test('blocked rows are skipped, never sent, and the other lines of their customer still are', () => {
  const { requests, skippedRows } = plan([
    line(2, { customerName: 'Acme', contactEmail: 'a@acme.fr' }),
    line(3, { customerName: 'Acme', contactEmail: 'b@acme.fr' }, true),
    line(4, { customerName: 'Beta' }, true),
  ]);
  assert.deepEqual(skippedRows, [3, 4]);
  assert.deepEqual(
    requests.map((j) => [j.key, j.rows]),
    [['name:acme', [2]]],
  );
  assert.deepEqual(importRequest(requests, 'name:acme').body.contacts, [{ email: 'a@acme.fr' }]);
});

test('fields outside the chosen template are not sent', () => {
  const { requests } = plan([line(2, { customerName: 'Acme', city: 'Paris', contactEmail: 'a@acme.fr', workflow: 'Standard' })], { template: 'customers' });
  assert.deepEqual(importRequest(requests, 'name:acme').body, { name: 'Acme', address: { city: 'Paris' } });
});

test('a customer whose lines give no name is refused in an import', () => {
  const { requests, skippedRows, problems } = plan([line(2, { customerId: 'C1', contactEmail: 'a@acme.fr' })]);
  assert.deepEqual(requests, []);
  assert.deepEqual(skippedRows, [2]);
  assert.deepEqual(codes(problems), ['CUSTOMER_NAME_NEEDED']);
});

test('a line giving neither name nor ID is refused with a message on its name cell, and the others go', () => {
  const { requests, skippedRows, problems } = plan([line(2, { contactEmail: 'a@acme.fr', city: 'Paris' }), line(3, { customerName: 'Acme', contactEmail: 'b@acme.fr' })]);
  assert.deepEqual(
    requests.map((r) => r.rows),
    [[3]],
  );
  assert.deepEqual(skippedRows, [2]);
  assert.deepEqual(
    problems.map(({ row, field, severity, code, message }) => ({ row, field, severity, code, message })),
    [{ row: 2, field: 'customerName', severity: 'error', code: 'CUSTOMER_UNKNOWN', message: 'This line names no customer.' }],
  );
});
