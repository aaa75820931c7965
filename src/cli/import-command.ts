import { checkGrid } from '../engine/check';
import type { JobOutcome } from '../engine/import/outcome';
import { ImportSender } from '../engine/import/sender';
import { triage } from '../engine/import/triage';
import { HeldCustomers } from '../engine/customers/held';
import { matchProblem } from '../engine/import/explain';
import type { CustomerJob } from '../engine/payloads';
import { buildImportPlan } from '../engine/payloads';
import { UpflowClient, UpflowError } from '../engine/upflow/client';
import { createNodeTransport } from '../node/sync-transport';
import type { CliArgs } from './args';
import { humanReport } from './output';
import { UsageError } from './read-input';

type ImportArgs = Extract<CliArgs, { command: 'import' }>;

/** Checks the file against the organisation, then sends the ready customers (unless --dry-run). */
export function runImport(grid: string[][], args: ImportArgs): number {
  const apiKey = process.env.UPFLOW_API_KEY;
  const apiSecret = process.env.UPFLOW_API_SECRET;
  if (!apiKey || !apiSecret) throw new UsageError('Set UPFLOW_API_KEY and UPFLOW_API_SECRET (Upflow > Settings > API) to import.');
  const transport = createNodeTransport();
  const perMinute = Number(process.env.UPFLOW_RATE_LIMIT) || 600;
  const client = new UpflowClient(transport, { baseUrl: args.api, apiKey, apiSecret }, perMinute);
  try {
    const org = { members: client.listMembers(), workflows: client.listWorkflows() };
    const check = checkGrid(grid, { template: args.template ?? null, defaultCountry: args.country, sourceSystem: args.sourceSystem, org });
    if (check.mapping.missingRequired.length) {
      process.stdout.write(`${humanReport(check, args.file)}\n`);
      return 1;
    }
    const plan = buildImportPlan(check.result.records, { template: check.mapping.template, sourceSystem: args.sourceSystem, members: org.members, workflows: org.workflows, fieldColumns: check.mapping.fieldColumns });
    const held = new HeldCustomers(client.listCustomers());
    const refused: JobOutcome[] = [];
    const sendable: CustomerJob[] = [];
    for (const job of plan.jobs) {
      const match = held.match(job);
      if (match.kind === 'ambiguous' || match.kind === 'missing') refused.push({ key: job.key, rows: job.rows, outcome: 'skipped', message: matchProblem(job, match), upflowId: null, directUrl: null });
      else {
        if (match.kind === 'new' && match.lookAlike[0]) process.stderr.write(`row ${job.rows[0]}: "${job.body.name}" looks like "${match.lookAlike[0].name}", which Upflow already holds; it is created as a new customer.\n`);
        sendable.push(job);
      }
    }
    const { toSend, unchanged } = triage(sendable, held);
    const outcomes: JobOutcome[] = [...refused, ...unchanged];
    if (!args.dryRun) {
      const sender = new ImportSender(client, { held });
      for (let at = 0; at < toSend.length;) {
        const round = ImportSender.nextRound(toSend, at);
        outcomes.push(...sender.sendRound(round));
        at += round.length;
      }
    }
    const count = (kind: JobOutcome['outcome']) => outcomes.filter((o) => o.outcome === kind).length;
    const summary = {
      dryRun: args.dryRun,
      toSend: toSend.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      skippedRows: plan.skippedRows.length + refused.reduce((n, o) => n + o.rows.length, 0),
      requests: client.sentRequests,
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ summary, outcomes, problems: [...check.result.problems, ...plan.problems] }, null, 2)}\n`);
    } else {
      for (const o of outcomes.filter((x) => x.outcome === 'failed' || x.outcome === 'skipped')) process.stdout.write(`rows ${o.rows.join(', ')}: ${o.outcome === 'failed' ? 'failed' : 'not imported'}: ${o.message}\n`);
      process.stdout.write(args.dryRun
        ? `Dry run: ${toSend.length} customers would be sent, ${summary.unchanged} are unchanged, ${summary.skippedRows} lines have errors.\n`
        : `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed; ${summary.skippedRows} lines with errors not imported (${summary.requests} requests).\n`);
    }
    return summary.failed || summary.skippedRows ? 1 : 0;
  } catch (error) {
    if (error instanceof UpflowError) throw new UsageError(`Upflow: ${error.message}`);
    throw error;
  } finally {
    transport.close();
  }
}
