import { loadAddon, paste } from '../test/addon/harness';
import { generateSheet } from './generate';
import { record } from './results';

/**
 * Check inside the emulator, running the built bundle: the service calls it makes (the same
 * small number whatever the size) and the time of a 10,000-row Check.
 */
export function benchAddon(): void {
  const figures: Record<string, number> = {};
  for (const rows of [100, 10_000, 50_000]) {
    const addon = loadAddon();
    const sheet = generateSheet(rows);
    paste(addon, 'Customers', [sheet.headers, ...sheet.rows]);
    addon.value('getMapping', 'Customers', 'all');
    addon.app.calls.reset();
    const start = performance.now();
    addon.value('checkSheet', 'Customers');
    const ms = performance.now() - start;
    figures[`addon.validate.calls.${rows}`] = addon.app.calls.total();
    if (rows === 10_000) figures['addon.validate.10000.ms'] = Math.round(ms);
    if (rows === 50_000) figures['addon.validate.50000.ms'] = Math.round(ms);
  }
  record(figures);
}
