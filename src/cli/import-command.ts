import { checkGrid, mapWith, splitAtHeader } from '../engine/check';
import type { JobOutcome } from '../engine/import/outcome';
import { ImportSender } from '../engine/import/sender';
import { settleUnmatched, triage } from '../engine/import/triage';
import { HeldCustomers } from '../engine/customers/held';
import { buildImportPlan } from '../engine/payloads';
import type { CliArgs } from './args';
import { humanReport } from './output';
import { withUpflow } from './upflow-session';

type ImportArgs = Extract<CliArgs, { command: 'import' }>;

/** Checks the file against the organisation, then sends the ready customers (unless --dry-run). */
export function runImport(grid: string[][], args: ImportArgs): number {
  return withUpflow(args.api, 'import', (client) => {
    const org = { members: client.listMembers(), workflows: client.listWorkflows() };
    const customers = client.listCustomers();
    const options = { template: args.template ?? null, defaultCountry: args.country, sourceSystem: args.sourceSystem };
    // A file with Upflow IDs (an export) has them checked against the list, as the add-on's Check does.
    const withIds = mapWith(splitAtHeader(grid).headers, options).fieldColumns.upflowId !== undefined;
    const check = checkGrid(grid, { ...options, org: withIds ? { ...org, customers } : org });
    if (check.mapping.missingRequired.length) {
      process.stdout.write(`${humanReport(check, args.file)}\n`);
      return 1;
    }
    const plan = buildImportPlan(check.result.records, {
      template: check.mapping.template,
      sourceSystem: args.sourceSystem,
      members: org.members,
      workflows: org.workflows,
      fieldColumns: check.mapping.fieldColumns,
    });
    const held = new HeldCustomers(customers);
    const { sendable, refused, lookAlikes } = settleUnmatched(plan.jobs, held);
    for (const { job, like } of lookAlikes) {
      if (job.mode === 'import')
        process.stderr.write(`row ${job.rows[0]}: "${job.body.name}" looks like "${like}", which Upflow already holds; it is created as a new customer.\n`);
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
      for (const o of outcomes.filter((x) => x.outcome === 'failed' || x.outcome === 'skipped'))
        process.stdout.write(`rows ${o.rows.join(', ')}: ${o.outcome === 'failed' ? 'failed' : 'not imported'}: ${o.message}\n`);
      process.stdout.write(
        args.dryRun
          ? `Dry run: ${toSend.length} customers would be sent, ${summary.unchanged} are unchanged, ${summary.skippedRows} lines have errors.\n`
          : `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed; ${summary.skippedRows} lines with errors not imported (${summary.requests} requests).\n`,
      );
    }
    return summary.failed || summary.skippedRows ? 1 : 0;
  });
}
