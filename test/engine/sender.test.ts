import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeldCustomers } from '../../src/engine/customers/held';
import { ImportSender } from '../../src/engine/import/sender';
import { UpflowClient, UpflowError } from '../../src/engine/upflow/client';
import type { HttpOutcome, HttpRequest, HttpTransport } from '../../src/engine/upflow/http';
import { line, plan } from './payloads/fixtures';

interface Stored {
  id: string;
  name: string;
  externalId?: string;
  contacts: Array<{ id: string; email: string; firstName?: string }>;
}

/**
 * A synchronous Upflow playing the hard readings of docs/upflow-api.md: filters ignored, pages
 * of `page` items whatever was asked, no contacts in the list, 200 for every write, nested
 * contacts matched only by id. The sender's decisions are under test; this is its input.
 */
function hardUpflow(customers: Stored[], options: { page?: number; loseFirstWrite?: boolean } = {}) {
  const writes: HttpRequest[] = [];
  let lose = options.loseFirstWrite ?? false;
  let seq = 0;
  const json = (body: unknown, status = 200): HttpOutcome => ({ status, headers: {}, body: JSON.stringify(body) });
  const handle = (r: HttpRequest): HttpOutcome => {
    const url = new URL(r.url);
    const path = url.pathname.replace('/v1', '');
    if (r.method === 'GET' && path === '/customers') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const items = customers.slice(offset, offset + (options.page ?? 100)).map(({ contacts: _c, ...c }) => ({ ...c, unknownField: 1 }));
      return json({ offset, limit: options.page ?? 100, total: customers.length, customers: items });
    }
    const contactsOf = /^\/customers\/([^/]+)\/contacts$/.exec(path);
    if (r.method === 'GET' && contactsOf) {
      const held = customers.find((c) => c.id === decodeURIComponent(contactsOf[1]!));
      return held
        ? json({ offset: 0, limit: 100, total: held.contacts.length, contacts: held.contacts.map((c) => ({ ...c, position: 'CUSTOM_ROLE' })) })
        : json({ message: 'The customer was not found' }, 404);
    }
    writes.push(r);
    const body = JSON.parse(r.body ?? '{}') as { name?: string; externalId?: string; contacts?: Array<{ id?: string; email: string; firstName?: string }> };
    const target = r.method === 'PUT' ? customers.find((c) => path === `/customers/${c.id}`) : undefined;
    const customer: Stored = target ?? { id: `new-${++seq}`, name: body.name ?? '', ...(body.externalId ? { externalId: body.externalId } : {}), contacts: [] };
    if (!target) customers.push(customer);
    for (const c of body.contacts ?? []) {
      const same = c.id ? customer.contacts.find((h) => h.id === c.id) : undefined;
      if (same) Object.assign(same, c);
      else customer.contacts.push({ ...c, id: `ct-${++seq}` });
    }
    if (lose) {
      lose = false;
      return { failure: 'socket hang up' };
    }
    return json(customer);
  };
  const transport: HttpTransport = { sendAll: (requests) => requests.map(handle), sleep: () => {}, now: () => 0 };
  const client = new UpflowClient(transport, { baseUrl: 'http://upflow.test/v1', apiKey: 'k', apiSecret: 's' });
  return { client, writes, customers };
}

const send = (upflow: ReturnType<typeof hardUpflow>, records: Parameters<typeof plan>[0]) => {
  const held = new HeldCustomers(upflow.client.listCustomers());
  return new ImportSender(upflow.client, { held }).sendRound(plan(records).requests);
};

const filler = (n: number): Stored[] => Array.from({ length: n }, (_, i) => ({ id: `f-${i}`, name: `Filler ${i}`, contacts: [] }));

test('a name that differs only by punctuation is a new customer, never the one Upflow holds', () => {
  const upflow = hardUpflow([{ id: 'ab', name: 'A B Conseil', contacts: [] }]);
  const [outcome] = send(upflow, [line(2, { customerName: 'A&B Conseil' })]);
  assert.deepEqual(
    upflow.writes.map((w) => [w.method, new URL(w.url).pathname]),
    [['POST', '/v1/customers']],
  );
  assert.equal(outcome!.outcome, 'created', 'created although Upflow answered 200');
});

test('the exact name on a later page is found in the full list and updated there', () => {
  const upflow = hardUpflow([...filler(7), { id: 'garage', name: 'Garage  martin', contacts: [] }], { page: 3 });
  const [outcome] = send(upflow, [line(2, { customerName: 'Garage Martin', city: 'Lyon' })]);
  assert.deepEqual(
    upflow.writes.map((w) => [w.method, new URL(w.url).pathname]),
    [['PUT', '/v1/customers/garage']],
  );
  assert.equal(outcome!.outcome, 'updated');
});

test('a name Upflow holds twice is not written at all, and the line names both', () => {
  const upflow = hardUpflow([
    { id: 'a', name: 'Twin', externalId: 'T-1', contacts: [] },
    { id: 'b', name: 'twin', contacts: [] },
  ]);
  const [outcome] = send(upflow, [line(2, { customerName: 'Twin' })]);
  assert.equal(upflow.writes.length, 0);
  assert.equal(outcome!.outcome, 'failed');
  assert.match(outcome!.message, /Upflow holds 2 customers named "Twin" \("Twin" \(ID T-1\), "twin"\)/);
});

test('contacts Upflow holds go back with their ids, those the sheet does not name too: nothing duplicated, nothing dropped', () => {
  const upflow = hardUpflow([
    {
      id: 'c1',
      name: 'Acme',
      externalId: 'A-1',
      contacts: [
        { id: 'k1', email: 'Ann@acme.fr' },
        { id: 'k2', email: 'bob@acme.fr' },
      ],
    },
  ]);
  send(upflow, [
    line(2, { customerName: 'Acme', customerId: 'A-1', contactEmail: 'ann@acme.fr', firstName: 'Ann' }),
    line(3, { customerName: 'Acme', customerId: 'A-1', contactEmail: 'new@acme.fr' }),
  ]);
  const body = JSON.parse(upflow.writes[0]!.body!) as { contacts: Array<{ id?: string; email: string }> };
  assert.deepEqual(
    body.contacts.map((c) => [c.id ?? null, c.email]),
    [
      ['k1', 'ann@acme.fr'],
      [null, 'new@acme.fr'],
      ['k2', 'bob@acme.fr'],
    ],
  );
  assert.deepEqual(upflow.customers[0]!.contacts.map((c) => c.email).sort(), ['ann@acme.fr', 'bob@acme.fr', 'new@acme.fr']);
});

test('a create whose answer was lost is found in the list and not sent again', () => {
  const upflow = hardUpflow([], { loseFirstWrite: true });
  const [outcome] = send(upflow, [line(2, { customerName: 'Lost Answer Ltd' })]);
  assert.equal(upflow.writes.length, 1, 'one POST only');
  assert.equal(upflow.customers.length, 1);
  assert.equal(outcome!.outcome, 'created');
});

test('a list that stops short of its total is an error, never a shorter list', () => {
  const transport: HttpTransport = {
    sendAll: (requests) => requests.map(() => ({ status: 200, headers: {}, body: JSON.stringify({ total: 5, customers: [] }) })),
    sleep: () => {},
    now: () => 0,
  };
  const client = new UpflowClient(transport, { baseUrl: 'http://upflow.test/v1', apiKey: 'k', apiSecret: 's' });
  assert.throws(
    () => client.listCustomers(),
    (e: unknown) => e instanceof UpflowError && e.code === 'LIST_INCOMPLETE',
  );
});

test("Upflow's reason reaches the line whatever the shape of its error body", () => {
  const cases: Array<[string, RegExp]> = [
    ['{"message":"VAT number refused"}', /^VAT number refused$/],
    ['{"error":{"message":"Nested reason"}}', /^Nested reason$/],
    ['{"errors":[{"message":"First"},{"message":"Second"}]}', /^First; Second$/],
    ['Plain text reason', /^Plain text reason$/],
    ['<html>Bad gateway</html>', /Upflow refused the request \(status 422\)/],
  ];
  for (const [body, expected] of cases) {
    const transport: HttpTransport = { sendAll: (requests) => requests.map(() => ({ status: 422, headers: {}, body })), sleep: () => {}, now: () => 0 };
    const client = new UpflowClient(transport, { baseUrl: 'http://upflow.test/v1', apiKey: 'k', apiSecret: 's' });
    const result = client.request({ request: { method: 'POST', path: '/customers', body: '{}' } });
    assert.ok(!result.ok);
    assert.match(result.message, expected, body);
  }
});
