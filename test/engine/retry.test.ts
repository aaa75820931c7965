import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDecision } from '../../src/engine/upflow/retry';

const answer = (status: number, headers: Record<string, string> = {}) => ({ status, headers, body: '' });

test("Upflow's rules: connection errors, 500 and 503 are retried after 1, 2, 4 then 8 seconds, then given up", () => {
  for (const outcome of [{ failure: 'ECONNRESET' }, answer(500), answer(503)]) {
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => {
        const d = retryDecision(outcome, attempt);
        return d.retry ? d.delayMs : null;
      }),
      [1000, 2000, 4000, 8000],
    );
    assert.equal(retryDecision(outcome, 5).retry, false);
  }
});

test('other 4xx answers are never retried', () => {
  for (const status of [400, 401, 403, 404, 409, 422]) assert.equal(retryDecision(answer(status), 1).retry, false, String(status));
});

test('429 waits as long as Retry-After says; without a usable one it backs off exponentially; 60 s at most', () => {
  const wait = (headers: Record<string, string>) => {
    const d = retryDecision(answer(429, headers), 1);
    return d.retry ? d.delayMs : null;
  };
  assert.equal(wait({ 'retry-after': '7' }), 7000);
  assert.equal(wait({}), 1000);
  assert.equal(wait({ 'retry-after': 'soon' }), 1000);
  assert.equal(wait({ 'retry-after': '3600' }), 60_000);
  const without = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => {
    const d = retryDecision(answer(429), attempt);
    return d.retry ? d.delayMs : null;
  });
  assert.deepEqual(without, [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  assert.equal(retryDecision(answer(429), 20).retry, false, 'a server that only ever says wait is given up on');
});

test('a lost answer or a 500 may hide an applied write; a 503 or 429 does not', () => {
  const ambiguous = (outcome: Parameters<typeof retryDecision>[0]) => {
    const d = retryDecision(outcome, 1);
    return d.retry && d.ambiguous;
  };
  assert.equal(ambiguous({ failure: 'socket hang up' }), true);
  assert.equal(ambiguous(answer(500)), true);
  assert.equal(ambiguous(answer(503)), false);
  assert.equal(ambiguous(answer(429)), false);
});

test('a question the user waits on can cap the retries', () => {
  assert.equal(retryDecision(answer(503), 1, 1).retry, true);
  assert.equal(retryDecision(answer(503), 2, 1).retry, false);
});
