import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { endpoint, type ServerFunction } from '../../src/server/endpoint';

test('a server function gets its arguments as parsed, and answers a value', () => {
  const seen: unknown[] = [];
  const trimmed = endpoint({
    input: [
      z.pipe(
        z.string(),
        z.transform((s) => s.trim()),
      ),
      z.nullable(z.number()),
    ],
    run: (name, n) => (seen.push(name, n), `${name}:${n}`),
  });
  assert.deepEqual(trimmed('  Customers ', null), { ok: true, value: 'Customers:null' });
  assert.deepEqual(seen, ['Customers', null]);
});

test('an argument that does not parse never reaches the service: the answer is its error value', () => {
  let ran = false;
  const f = endpoint({
    input: [z.string(), z.string()],
    invalid: [
      { code: 'A', message: 'First.' },
      { code: 'B', message: 'Second.' },
    ],
    run: () => (ran = true),
  });
  const call = f as (...args: unknown[]) => ReturnType<typeof f>;
  assert.deepEqual(call(1, 'x'), { ok: false, error: { code: 'A', message: 'First.' } });
  assert.deepEqual(call('x', null), { ok: false, error: { code: 'B', message: 'Second.' } });
  assert.equal(call('x').ok, false, 'a missing argument');
  assert.equal(ran, false);
});

test('types that cannot cross google.script.run are refused by the type checker', () => {
  const table = {
    // @ts-expect-error a Date becomes nothing on the way
    date: endpoint({ input: [], run: () => new Date() }),
    // @ts-expect-error undefined in an array arrives as null
    holes: endpoint({ input: [], run: () => ({ list: [1, undefined] }) }),
    // @ts-expect-error an optional field may not arrive
    optional: endpoint({ input: [], run: (): { note?: string } => ({}) }),
    // @ts-expect-error a Map is not a plain object
    map: endpoint({ input: [], run: () => new Map<string, number>() }),
    // @ts-expect-error the sidebar cannot send undefined either
    argument: endpoint({ input: [z.optional(z.string())], run: () => null }),
    plain: endpoint({ input: [z.string(), z.nullable(z.number())], run: (s, n) => ({ s, n, rows: [{ ok: true }] }) }),
  } satisfies Record<string, ServerFunction>;
  assert.deepEqual(table.plain('a', 1), { ok: true, value: { s: 'a', n: 1, rows: [{ ok: true }] } });
});
