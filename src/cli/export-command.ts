import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { customerSheet } from '../engine/export/customer-sheet';
import { pullOrganisation } from '../engine/export/pull';
import type { CliArgs } from './args';
import { withUpflow } from './upflow-session';

type ExportArgs = Extract<CliArgs, { command: 'export' }>;

/** Writes the organisation's customers as a CSV that `upflow-sheets import` takes back unchanged. */
export function runExport(args: ExportArgs): number {
  return withUpflow(args.api, 'export', (client) => {
    const pulled = pullOrganisation(client, args.manager ? { manager: args.manager } : {});
    const rows = customerSheet(pulled);
    // A BOM so that Excel opens the accents right; the importer reads it either way.
    writeFileSync(args.file, `\ufeff${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
    const summary = { customers: pulled.customers.length, lines: rows.length - 1, requests: client.sentRequests, file: args.file };
    process.stdout.write(
      args.json ? `${JSON.stringify({ summary }, null, 2)}\n` : `${summary.customers} customers, ${summary.lines} lines written to ${args.file} (${summary.requests} requests).\n`,
    );
    return 0;
  });
}
