import { loadAddon, paste, type Addon } from '../addon/harness';

/** An organisation with members and workflows, so the did-you-mean rules run against it. */
export const ORGANISATION = {
  members: [
    { id: 'u1', email: 'camille.dubois@example.com', firstName: 'Camille', lastName: 'Dubois', position: 'ACCOUNT_MANAGER' },
    { id: 'u2', email: 'john.smith@example.com', firstName: 'John', lastName: 'Smith', position: 'ACCOUNT_MANAGER' },
    { id: 'u3', email: 'finance@example.com', firstName: 'Fin', lastName: 'Ance', position: 'FINANCE_USER' },
  ],
  workflows: [
    { id: 'w1', name: 'Standard' },
    { id: 'w2', name: 'Key accounts' },
    { id: 'w3', name: 'Relance douce' },
  ],
};

/**
 * The built add-on in the emulator, connected to an organisation already in the user cache (as
 * a Check less than ten minutes old leaves it: no call to Upflow), with `rows` pasted.
 */
export function hostileAddon(rows: string[][], sheetName = 'Customers'): Addon {
  const addon = loadAddon();
  addon.connect('http://127.0.0.1:9', 'key', 'secret');
  // The organisation as the add-on caches it (src/server/organisation.ts): a head naming its parts.
  addon.app.run(() => addon.app.globals.CacheService.getUserCache().putAll({ 'upflow.organisation': 'fuzz:1', 'upflow.organisation.fuzz.0': JSON.stringify(ORGANISATION) }, 600));
  paste(addon, sheetName, rows);
  return addon;
}
