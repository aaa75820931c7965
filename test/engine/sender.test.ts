import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportSender } from '../../src/engine/import/sender';
import { UpflowClient } from '../../src/engine/upflow/client';
import type { HttpOutcome, HttpRequest, HttpTransport } from '../../src/engine/upflow/http';
import { buildImportPlan } from '../../src/engine/payloads';

/**
 * An Upflow that answers list requests its own way, to see what the sender then writes: the
 * sender's decisions are under test, the server's behaviour is the test's input.
 */
function upflow(answerList: (request: HttpRequest) => HttpOutcome) {
  const writes: HttpRequest[] = [];
  const transport: HttpTransport = {
    sendAll: (requests) => requests.map((r) => {
      if (r.method === 'GET') return answerList(r);
      writes.push(r);
      return { status: r.method === 'POST' ? 201 : 200, headers: {}, body: JSON.stringify({ id: 'new-id', name: JSON.parse(r.body ?? '{}').name ?? '' }) };
    }),
    sleep: () => {},
    now: () => 0,
  };
  return { client: new UpflowClient(transport, { baseUrl: 'http://upflow.test/v1', apiKey: 'k', apiSecret: 's' }), writes };
}

const page = (customers: Array<{ id: string; name: string }>): HttpOutcome => ({
  status: 200, headers: {}, body: JSON.stringify({ offset: 0, limit: 10, total: customers.length, customers }),
});

const jobs = () => buildImportPlan(
  [{ row: 2, values: { customerName: 'Nameless Bakery', contactEmail: 'a@b.fr' }, blocked: false }],
  { template: 'contacts', sourceSystem: 'API', members: [], workflows: [] },
).jobs;

test('a customer without ID is updated only when Upflow holds that exact name', () => {
  const { client, writes } = upflow(() => page([{ id: 'other', name: 'Somebody Else' }, { id: 'c-1', name: 'Nameless  bakery' }]));
  const [outcome] = new ImportSender(client).sendRound(jobs());
  assert.equal(writes.length, 1);
  assert.equal(writes[0]!.method, 'PUT');
  assert.match(writes[0]!.url, /\/customers\/c-1$/);
  assert.equal(outcome!.outcome, 'updated');
});

test('a server that ignores the name filter never makes us overwrite another customer', () => {
  const { client, writes } = upflow(() => page([{ id: 'other', name: 'Somebody Else' }]));
  new ImportSender(client).sendRound(jobs());
  assert.deepEqual(writes.map((w) => [w.method, w.url]), [['POST', 'http://upflow.test/v1/customers']]);
});

test('when Upflow cannot say whether the customer exists, nothing is sent and the line says why', () => {
  const { client, writes } = upflow(() => ({ status: 400, headers: {}, body: '{"message":"Bad filter"}' }));
  const [outcome] = new ImportSender(client).sendRound(jobs());
  assert.equal(writes.length, 0);
  assert.equal(outcome!.outcome, 'failed');
  assert.match(outcome!.message, /could not be asked whether "Nameless Bakery" already exists/);
});

test('only an answer that may hide a write is checked by name before the retry', () => {
  const run = (firstStatus: number) => {
    let lookups = 0;
    let writes = 0;
    const transport: HttpTransport = {
      sendAll: (requests) => requests.map((r) => {
        if (r.method === 'GET') {
          lookups++;
          return page([]);
        }
        writes++;
        return writes === 1 ? { status: firstStatus, headers: {}, body: '{}' } : { status: 201, headers: {}, body: JSON.stringify({ id: 'c-9', name: 'Nameless Bakery' }) };
      }),
      sleep: () => {},
      now: () => 0,
    };
    const client = new UpflowClient(transport, { baseUrl: 'http://upflow.test/v1', apiKey: 'k', apiSecret: 's' });
    const [outcome] = new ImportSender(client).sendRound(jobs());
    return { lookups, writes, outcome: outcome!.outcome };
  };
  assert.deepEqual(run(503), { lookups: 1, writes: 2, outcome: 'created' }, '503: not applied, sent again without asking');
  assert.deepEqual(run(500), { lookups: 2, writes: 2, outcome: 'created' }, '500: maybe applied, asked again first');
});
