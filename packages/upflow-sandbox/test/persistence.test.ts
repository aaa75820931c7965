import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { allCustomers, client, DEFAULT_SEED, SEED, start, tempDir } from './helpers';

const tmp = tempDir();
after(() => tmp.cleanup());

describe('persistence to the SQLite file', () => {
  test('every write reaches the file; a restart keeps it and does not reseed', async () => {
    const dbFile = join(tmp.dir, 'nested', 'sandbox.sqlite');
    const first = await start({ dbFile });
    assert.ok(existsSync(dbFile), 'created (with its folder) and seeded');
    const api = client(first);
    const created = await api.post('/customers', { name: 'Persisted', externalId: 'KEEP-1', contacts: [{ email: 'keep@me.fr' }] });
    assert.equal(created.status, 201);
    const sizeAfterWrite = statSync(dbFile).mtimeMs;
    await api.put('/customers/external:C-1001', { vatNumber: 'FR-CHANGED' });
    await api.del('/customers/external:C-4001');
    assert.ok(statSync(dbFile).mtimeMs >= sizeAfterWrite);
    assert.ok(first.stats().fileWrites >= 3);
    // no temp file left behind
    assert.deepEqual(readdirSync(join(tmp.dir, 'nested')), ['sandbox.sqlite']);
    await first.close();

    // A different seed must not be applied to an existing file.
    const second = await start({ dbFile, seed: { ...DEFAULT_SEED, name: 'Another org', customers: [] } });
    try {
      const api2 = client(second);
      const customers = await allCustomers(api2);
      assert.equal(customers.length, SEED.customers, '6 seeded + 1 created - 1 deleted');
      const kept = customers.find((c) => c.externalId === 'KEEP-1');
      assert.ok(kept);
      assert.equal(kept.id, created.body.id);
      assert.deepEqual(
        kept.contacts!.map((c) => [c.email, c.isMain]),
        [['keep@me.fr', true]],
      );
      assert.equal(customers.find((c) => c.externalId === 'C-1001')?.vatNumber, 'FR-CHANGED');
      assert.equal(
        customers.find((c) => c.externalId === 'C-4001'),
        undefined,
      );
      assert.equal((await api2.get('/organization')).body.name, 'Boulangeries & Co (démo)');
    } finally {
      await second.close();
    }
  });

  test('a request that changes nothing does not rewrite the file', async () => {
    const dbFile = join(tmp.dir, 'idempotent.sqlite');
    const sb = await start({ dbFile });
    try {
      const api = client(sb);
      const body = { name: 'Same again', externalId: 'SA-1', address: { city: 'Lille' }, contacts: [{ email: 'same@again.fr', isMain: true }] };
      assert.equal((await api.post('/customers', body)).status, 201);
      const writes = sb.stats().fileWrites;
      assert.equal((await api.post('/customers', body)).status, 200);
      await api.post('/customers/external:SA-1/account-managers', { accountManagerIds: [] });
      assert.equal(sb.stats().fileWrites, writes, 'identical upserts write nothing');
      await api.post('/customers', { ...body, address: { city: 'Roubaix' } });
      assert.equal(sb.stats().fileWrites, writes + 1);
    } finally {
      await sb.close();
    }
  });

  test('the file is written before the answer (a crash right after keeps the write)', async () => {
    const dbFile = join(tmp.dir, 'crash.sqlite');
    const sb = await start({ dbFile });
    const api = client(sb);
    await api.post('/customers', { name: 'Before crash', externalId: 'CR-1' });
    // Open the file as it is on disk now, without closing the first server (no flush on close).
    const reader = await start({ dbFile });
    try {
      assert.equal((await client(reader).get('/customers/external:CR-1')).status, 200);
    } finally {
      await reader.close();
      await sb.close();
    }
  });

  test('reset goes back to the seed and is persisted', async () => {
    const dbFile = join(tmp.dir, 'reset.sqlite');
    const sb = await start({ dbFile });
    const api = client(sb);
    await api.post('/customers', { name: 'Gone after reset', externalId: 'G-1' });
    const res = await fetch(`${sb.origin}/_admin/reset`, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.equal((await api.get('/customers/external:G-1')).status, 404);
    assert.equal((await allCustomers(api)).length, SEED.customers);
    await sb.close();
    const again = await start({ dbFile });
    try {
      assert.equal((await client(again).get('/customers/external:G-1')).status, 404);
    } finally {
      await again.close();
    }
  });

  test('a corrupt file is refused, not overwritten', async () => {
    const dbFile = join(tmp.dir, 'corrupt.sqlite');
    writeFileSync(dbFile, 'this is not a database, just text long enough to look like a header.............');
    await assert.rejects(start({ dbFile }));
    assert.match(String(await import('node:fs').then((fs) => fs.readFileSync(dbFile, 'utf8'))), /not a database/);
  });

  test('a seed file path is accepted, and an invalid seed is reported', async () => {
    const seedFile = join(tmp.dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify({ ...DEFAULT_SEED, name: 'From file', customers: [] }));
    const sb = await start({ seed: seedFile });
    try {
      assert.equal((await client(sb).get('/organization')).body.name, 'From file');
      assert.equal((await client(sb).get('/customers')).body.total, 0);
    } finally {
      await sb.close();
    }
    await assert.rejects(start({ seed: { ...DEFAULT_SEED, sourceSystem: 'SAP' as never } }), /Invalid sandbox seed/);
  });
});
