/** The organisation the sandbox starts with: read, validated, and written into an empty database. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SandboxDb } from './db';
import { seedOneCustomer } from './model/customers';
import { seedSchema, type Seed, type SeedInput } from './schemas';

export const DEFAULT_SEED_FILE = fileURLToPath(new URL('./seed.json', import.meta.url));

/** A seed object, or the path of a JSON seed file (default: packages/upflow-sandbox/seed.json). */
export function loadSeed(seed: SeedInput | string | undefined): Seed {
  const raw: unknown = typeof seed === 'object' ? seed : JSON.parse(readFileSync(seed ?? DEFAULT_SEED_FILE, 'utf8'));
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) {
    const where = typeof seed === 'string' ? seed : typeof seed === 'object' ? 'the seed object' : DEFAULT_SEED_FILE;
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid sandbox seed (${where}): ${details}`);
  }
  return parsed.data;
}

/** Fills an empty database with the seed, in one transaction. */
export function applySeed(db: SandboxDb, seed: Seed): void {
  db.write(() => {
    db.run('INSERT INTO organization (id, name, source_system, api_key, api_secret) VALUES (1, ?, ?, ?, ?)', [seed.name, seed.sourceSystem, seed.apiKey, seed.apiSecret]);
    for (const m of seed.members) {
      db.run('INSERT INTO members (id, first_name, last_name, email, position) VALUES (?, ?, ?, ?, ?)', [m.id, m.firstName ?? null, m.lastName ?? null, m.email, m.position]);
    }
    for (const p of seed.dunningPlans) {
      db.run('INSERT INTO dunning_plans (id, name, mode, entity) VALUES (?, ?, ?, ?)', [p.id, p.name, p.mode ?? null, p.entity ?? null]);
    }
    for (const customer of seed.customers) seedOneCustomer(db, customer);
    db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('seededAt', ?)", [new Date().toISOString()]);
  });
}
