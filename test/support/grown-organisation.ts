import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface SeedFile {
  members: Array<{ id: string; position?: string }>;
  dunningPlans: Array<{ id: string }>;
  customers: unknown[];
}

/**
 * The demo organisation grown to `customers` customers of `contactsEach` contacts, managed and on
 * workflows in turn, some without a Customer ID: a seed file for `startTestSandbox({ seed: file })`.
 */
export function grownSeed(customers: number, contactsEach: number): string {
  const seed = JSON.parse(readFileSync(new URL('../../packages/upflow-sandbox/seed.json', import.meta.url), 'utf8')) as SeedFile;
  const grown = [...seed.customers];
  const managers = seed.members.filter((m) => m.position === 'ACCOUNT_MANAGER');
  for (let i = 0; i < customers - seed.customers.length; i++) {
    grown.push({
      id: randomUUID(),
      name: `Client ${i}`,
      ...(i % 3 ? { externalId: `G-${i}` } : {}),
      address: { address: `${i} rue du Port`, zipcode: '29200', city: 'Brest', country: 'FR' },
      accountManagerIds: [managers[i % managers.length]!.id],
      dunningPlanId: seed.dunningPlans[i % seed.dunningPlans.length]!.id,
      contacts: Array.from({ length: contactsEach }, (_, k) => ({ id: randomUUID(), email: `contact${k}@client${i}.fr`, firstName: `Prénom ${k}`, lastName: `Nom ${i}` })),
    });
  }
  const file = join(mkdtempSync(join(tmpdir(), 'upflow-grown-')), 'seed.json');
  writeFileSync(file, JSON.stringify({ ...seed, customers: grown }));
  return file;
}
