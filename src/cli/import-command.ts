import { checkGrid, mapWith, splitAtHeader } from '../engine/check';
import type { RequestOutcome } from '../engine/import/outcome';
import { ImportSender } from '../engine/import/sender';
import { heldBackResults, outcomeResults, type RowResult } from '../engine/run/line-results';
import { pendingOf } from '../engine/run/pending';
import { sendRounds } from '../engine/run/send-rounds';
import { settleBeforeSending } from '../engine/run/settle';
import { tally } from '../engine/run/tally';
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
    // The same run as the add-on's (src/engine/run/), its result column kept in memory: this
    // command is one import, number 1, from a file that has no results yet.
    const cursor = { importNumber: 1, onlyFailed: false, failedAtStart: null };
    const results = new Map<number, string>();
    const resultOf = (row: number) => results.get(row) ?? '';
    const write = (rows: readonly RowResult[]) => rows.forEach(({ row, text }) => results.set(row, text));
    const shownTime = new Date().toISOString().slice(0, 16).replace('T', ' ');

    const held = new HeldCustomers(customers);
    const pending = pendingOf(plan, resultOf, cursor);
    const { toSend, settled, lookAlikes } = settleBeforeSending(pending.requests, held);
    for (const { request, like } of lookAlikes) {
      if (request.mode === 'import')
        process.stderr.write(`row ${request.rows[0]}: "${request.body.name}" looks like "${like}", which Upflow already holds; it is created as a new customer.\n`);
    }
    write(heldBackResults(pending.heldBackRows, [...check.result.problems, ...plan.problems], cursor.importNumber, shownTime));
    write(outcomeResults(settled, cursor.importNumber, shownTime));
    const outcomes: RequestOutcome[] = [...settled];
    if (!args.dryRun) {
      const sender = new ImportSender(client, { held });
      sendRounds(sender, toSend, { outOfTime: () => false, cancelled: () => false }, (round) => {
        outcomes.push(...round);
        write(outcomeResults(round, cursor.importNumber, shownTime));
      });
    }
    const counts = tally(plan, resultOf, cursor);
    const summary = {
      dryRun: args.dryRun,
      toSend: toSend.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      failed: counts.failed,
      skippedRows: counts.skipped,
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
