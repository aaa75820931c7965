import { readCsvFile } from '../src/engine/csv-file';
import { loadAddon, paste } from '../test/addon/harness';
import { DEMO_KEY, DEMO_SECRET, startSandboxProcess } from '../test/support/sandbox-process';
import { record } from './results';

/**
 * The largest files and sheets the add-on takes, through the built bundle in the emulator: a CSV
 * at the 10 MB limit (about 200,000 lines), read as the sidebar reads it and written into a sheet,
 * and an import start that settles 100,000 lines.
 */
export async function benchSizes(): Promise<void> {
  const lines = ['Customer name;Customer ID;Postal code;City;Contact email'];
  let size = lines[0]!.length;
  for (let i = 0; size < 10 * 1024 * 1024 - 100; i++) {
    const line = `Client ${i};C-${i};0${1000 + (i % 9000)};Paris;client${i}@example.fr`;
    if (size + line.length + 1 > 10 * 1024 * 1024) break;
    lines.push(line);
    size += line.length + 1;
  }
  const addon = loadAddon();
  const start = performance.now();
  const reading = readCsvFile('largest.csv', lines.join('\n'));
  if (!reading.ok) throw new Error(reading.error.message);
  const read = performance.now();
  const result = addon.value('importCsv', 'largest.csv', reading.value.rows);
  record({
    'sizes.csv.bytes': size,
    'sizes.csv.lines': result.rows,
    'sizes.csv.readMs': Math.round(read - start),
    'sizes.csv.writeMs': Math.round(performance.now() - read),
  });

  const LINES = 100_000;
  const sandbox = await startSandboxProcess();
  try {
    const importer = loadAddon();
    importer.connect(sandbox.api, DEMO_KEY, DEMO_SECRET);
    paste(importer, 'Customers', [['Customer name', 'Customer ID', 'Contact email'], ...Array.from({ length: LINES }, (_, i) => [`Customer ${i}`, `S-${i}`, `not an email ${i}`])]);
    const began = performance.now();
    const job = importer.value('startImport', { sheetName: 'Customers', onlyFailed: false });
    record({ 'sizes.importStart.settledLines': job.skipped, 'sizes.importStart.ms': Math.round(performance.now() - began) });
  } finally {
    await sandbox.stop();
  }
}
