import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { customerSheet } from '../engine/export/customer-sheet';
import { pullOrganisation } from '../engine/export/pull';
import { UpflowClient, UpflowError } from '../engine/upflow/client';
import { createNodeTransport } from '../node/sync-transport';
import type { CliArgs } from './args';
import { UsageError } from './read-input';

type ExportArgs = Extract<CliArgs, { command: 'export' }>;

/** Writes the organisation's customers as a CSV that `upflow-sheets import` takes back unchanged. */
export function runExport(args: ExportArgs): number {
  const apiKey = process.env.UPFLOW_API_KEY;
  const apiSecret = process.env.UPFLOW_API_SECRET;
  if (!apiKey || !apiSecret) throw new UsageError('Set UPFLOW_API_KEY and UPFLOW_API_SECRET (Upflow > Settings > API) to export.');
  const transport = createNodeTransport();
  const perMinute = Number(process.env.UPFLOW_RATE_LIMIT) || 600;
  const client = new UpflowClient(transport, { baseUrl: args.api, apiKey, apiSecret }, perMinute);
  try {
    const pulled = pullOrganisation(client, args.manager ? { manager: args.manager } : {});
    const rows = customerSheet(pulled);
    // A BOM so that Excel opens the accents right; the importer reads it either way.
    writeFileSync(args.file, `\ufeff${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
    const summary = { customers: pulled.customers.length, lines: rows.length - 1, requests: client.sentRequests, file: args.file };
    process.stdout.write(args.json ? `${JSON.stringify({ summary }, null, 2)}\n` : `${summary.customers} customers, ${summary.lines} lines written to ${args.file} (${summary.requests} requests).\n`);
    return 0;
  } catch (error) {
    if (error instanceof UpflowError) throw new UsageError(`Upflow: ${error.message}`);
    throw error;
  } finally {
    transport.close();
  }
}
