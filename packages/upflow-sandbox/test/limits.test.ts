import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { client, start } from './helpers';

describe('rate limits', () => {
  test('a 61st request within 60 s on a limit of 60 answers 429 with a sane Retry-After', async () => {
    const sb = await start({ rateLimitPerMinute: 60 });
    try {
      const api = client(sb);
      const started = Date.now();
      for (let i = 0; i < 60; i += 1) assert.equal((await api.get('/users')).status, 200, `request ${i + 1}`);
      const refused = await api.get('/users');
      assert.equal(refused.status, 429);
      assert.deepEqual(refused.body, { message: 'Too many requests', error: 'RATE_LIMITED' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter), `integer Retry-After, got ${refused.headers.get('retry-after')}`);
      const elapsed = (Date.now() - started) / 1000;
      // The window frees up 60 s after the first request: between 60 - elapsed and 60 seconds from now.
      assert.ok(retryAfter >= Math.max(1, Math.floor(60 - elapsed)) && retryAfter <= 60, `Retry-After ${retryAfter}`);
      // A refused request does not use the quota, and a POST is refused before being applied.
      const post = await api.post('/customers', { name: 'Too late', externalId: 'TL-1' });
      assert.equal(post.status, 429);
      const stats = sb.stats();
      assert.equal(stats.rateLimited, 2);
      assert.equal(stats.byStatus['200'], 60);
      assert.equal(stats.byStatus['429'], 2);
      // Admin routes are not limited (nor authenticated).
      assert.equal((await fetch(`${sb.origin}/_admin/stats`)).status, 200);
      assert.equal((await fetch(`${sb.origin}/`)).status, 200);
      // After a reset the window is empty again and nothing was created.
      sb.reset();
      assert.equal((await api.get('/customers/external:TL-1')).status, 404);
    } finally {
      await sb.close();
    }
  });

  test('unauthenticated requests do not consume the organisation quota', async () => {
    const sb = await start({ rateLimitPerMinute: 3 });
    try {
      const bad = client(sb, { secret: 'nope' });
      for (let i = 0; i < 5; i += 1) assert.equal((await bad.get('/users')).status, 401);
      const api = client(sb);
      for (let i = 0; i < 3; i += 1) assert.equal((await api.get('/users')).status, 200);
      assert.equal((await api.get('/users')).status, 429);
    } finally {
      await sb.close();
    }
  });

  test('more than maxInFlight concurrent requests: the extra ones answer 429 with Retry-After 1', async () => {
    // Answers held long enough that all six are open together, however slowly a loaded machine sends them.
    const sb = await start({ maxInFlight: 3, faults: { slowMs: 2_500 } });
    try {
      const api = client(sb);
      const answers = await Promise.all(Array.from({ length: 6 }, () => api.get('/users')));
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
      for (const a of answers.filter((x) => x.status === 429)) assert.equal(a.headers.get('retry-after'), '1');
      const stats = sb.stats();
      // Counts what the client attempted: the 3 admitted plus at least one refused were open together.
      assert.ok(stats.maxInFlightSeen >= 4 && stats.maxInFlightSeen <= 6, `maxInFlightSeen ${stats.maxInFlightSeen}`);
      assert.equal(stats.inFlight, 0);
      // Once they are done, slots are free again.
      const next = await Promise.all(Array.from({ length: 3 }, () => api.get('/users')));
      assert.deepEqual(
        next.map((a) => a.status),
        [200, 200, 200],
      );
    } finally {
      await sb.close();
    }
  });

  test('sequential requests never exceed one in flight', async () => {
    const sb = await start({ maxInFlight: 1 });
    try {
      const api = client(sb);
      for (let i = 0; i < 20; i += 1) assert.equal((await api.get('/users')).status, 200);
      assert.equal(sb.stats().maxInFlightSeen, 1);
    } finally {
      await sb.close();
    }
  });
});
