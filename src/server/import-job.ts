import { HeldCustomers } from '../engine/customers/held';
import type { JobOutcome } from '../engine/import/outcome';
import { UpflowError } from '../engine/upflow/client';
import { importOf, needsAnotherTry, resultText } from '../engine/import/result-cell';
import { ImportSender } from '../engine/import/sender';
import { tally } from '../engine/import/tally';
import { settleUnmatched, triage } from '../engine/import/triage';
import type { JobView, StartImportInput } from '../shared/api';
import { recordHistory } from './history';
import {
  clearCancel,
  clearCreating,
  cancelRequested,
  loadCreating,
  loadFailedAtStart,
  loadJob,
  saveFailedAtStart,
  loadPacer,
  nextImportNumber,
  noteCreating,
  requestCancel,
  saveJob,
  savePacer,
  type Job,
} from './job-store';
import { planSheet, type PlannedImport } from './import-plan';
import { notifyEnd } from './notify';
import { cachedOrganisation, fetchOrganisation, upflowClient } from './organisation';
import { fingerprints, placeResults, readResults, resultColumn, type PendingResult } from './result-column';
import { userError, UserFacingError } from './result';
import { findSheet } from './sheet-block';
import { RESULT_HEADER } from './internal-sheets';
import { withDocumentLock } from './document-lock';

/** Each call to continueImport sends for this long once the sheet and Upflow's list are read: far inside Apps Script's 6 minutes. */
const CHUNK_MS = 25_000;
/** A running import with no step for this long lost its sidebar: a new import may take over. */
const ABANDONED_MS = 10 * 60_000;
/** The note of customers being created is flushed with their results before it outgrows a property. */
const CREATING_NOTE_LIMIT = 6_000;

/** The time shown in results, in the spreadsheet's zone: for people only, never compared. */
const shownNow = (): string => Utilities.formatDate(new Date(), SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');

export function jobView(job: Job): JobView {
  const elapsedMin = Math.max((Date.now() - Date.parse(job.startedAt)) / 60_000, 1 / 60);
  const rate = job.doneRows / elapsedMin;
  const left = job.totalRows - job.doneRows;
  return {
    id: job.id,
    sheetName: job.sheetName,
    state: job.state,
    mode: job.mode,
    totalCustomers: job.totalCustomers,
    doneCustomers: job.doneCustomers,
    totalRows: job.totalRows,
    doneRows: job.doneRows,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    skipped: job.skipped,
    unplaced: job.unplaced,
    startedAt: job.startedAt,
    lastChunkAt: new Date(job.lastChunkAt).toISOString(),
    ratePerMinute: Math.round(rate),
    secondsLeft: job.state === 'running' && rate > 0 ? Math.round((left / rate) * 60) : null,
    message: job.message,
  };
}

export const currentJob = (): JobView | null => {
  const job = loadJob();
  return job ? jobView(job) : null;
};

function historyOf(job: Job, endedAt: string) {
  return {
    id: job.id,
    startedAt: job.startedAt,
    endedAt,
    user: job.user,
    sheet: job.sheetName,
    template: job.template,
    mode: job.mode,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    skipped: job.skipped,
    status:
      job.state === 'running'
        ? ('running' as const)
        : job.state === 'cancelled'
          ? ('cancelled' as const)
          : job.state === 'failed'
            ? ('failed' as const)
            : job.failed || job.skipped
              ? ('partial' as const)
              : ('success' as const),
    location: `Sheet "${job.sheetName}", results in column "${RESULT_HEADER}" (import #${job.importNumber})`,
    message: job.message,
  };
}

/** The job's sheet by its id, so renaming it during the import changes nothing; null once deleted. */
function sheetOf(job: Job): GoogleAppsScript.Spreadsheet.Sheet | null {
  return (
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((s) => s.getSheetId() === job.sheetId) ?? null
  );
}

/**
 * What this import still has to do on the sheet as it is now: customers with a line whose result
 * does not name this import, and lines held back by their errors that don't say so yet.
 */
function remaining(planned: PlannedImport, results: readonly string[], job: Pick<Job, 'importNumber' | 'onlyFailed'>, failedAtStart: ReadonlySet<number> | null) {
  const first = planned.check.block.input.firstRow;
  const resultOf = (row: number) => results[row - first] ?? '';
  const ours = (row: number) => importOf(resultOf(row)) === job.importNumber;
  // Re-sending failed lines: only lines that had failed when it started belong to it.
  const belongs = (row: number) => !job.onlyFailed || (failedAtStart ? failedAtStart.has(row) : needsAnotherTry(resultOf(row)) || ours(row));
  const pending = planned.plan.jobs.filter((j) => j.rows.some((row) => !ours(row)) && j.rows.some(belongs));
  const skippedRows = planned.plan.skippedRows.filter((row) => !ours(row) && belongs(row));
  return { pending, skippedRows, resultOf, ours, belongs };
}

/** Lines held back: their result says why, from the first error on the line. */
function skippedResults(planned: PlannedImport, rows: readonly number[], importNumber: number, time: string): PendingResult[] {
  const reasons = new Map<number, string>();
  for (const p of [...planned.check.result.problems, ...planned.plan.problems]) {
    if (p.severity === 'error' && !reasons.has(p.row)) reasons.set(p.row, `${p.cell ? `${p.cell}: ` : ''}${p.message}`);
  }
  const fingerprint = fingerprints(planned.check.block, planned.check.mapping.fieldColumns);
  return rows.map((row) => ({ row, fingerprint: fingerprint(row), text: resultText('skipped', reasons.get(row) ?? 'fix the errors marked on this line', time, importNumber) }));
}

function outcomeResults(planned: PlannedImport, outcomes: readonly JobOutcome[], importNumber: number, time: string): PendingResult[] {
  const fingerprint = fingerprints(planned.check.block, planned.check.mapping.fieldColumns);
  return outcomes.flatMap((o) => o.rows.map((row) => ({ row, fingerprint: fingerprint(row), text: resultText(o.outcome, o.message, time, importNumber) })));
}

/** Counts from the results now in the sheet (src/engine/import/tally.ts), saved with the job. */
function recount(job: Job, planned: PlannedImport, results: readonly string[], failedAtStart: ReadonlySet<number> | null): void {
  const { resultOf, belongs } = remaining(planned, results, job, failedAtStart);
  const counts = tally(
    planned.plan.jobs,
    planned.plan.skippedRows,
    resultOf,
    job.importNumber,
    (j) => j.rows.some((row) => importOf(resultOf(row)) !== job.importNumber) && j.rows.some(belongs),
  );
  Object.assign(job, counts);
}

/** Lines that were to be re-sent: those whose result said failed or not imported at the start. */
const failedRowsAtStart = (job: Job): Set<number> | null => (job.onlyFailed ? loadFailedAtStart(job.id) : null);

export function startImport({ sheetName, onlyFailed }: StartImportInput): JobView {
  const started = withDocumentLock(10_000, () => {
    const running = loadJob();
    if (running?.state === 'running') {
      if (Date.now() - running.lastChunkAt < ABANDONED_MS) {
        throw userError(
          'IMPORT_RUNNING',
          `An import of "${running.sheetName}" started by ${running.user} at ${running.startedAt.slice(11, 16)} UTC is still running on this spreadsheet. Resume or cancel it first.`,
        );
      }
      finish(
        running,
        'cancelled',
        `Stopped: it had made no progress for ${Math.round((Date.now() - running.lastChunkAt) / 60_000)} minutes (its sidebar was closed) and a new import took over. Lines without a result of this import were not sent.`,
      );
    }
    // One client for the whole start, its send times kept for the chunks: every request of the
    // import counts against Upflow's per-minute limit.
    const client = upflowClient();
    client.pacer.restore(loadPacer());
    const sheet = findSheet(sheetName);
    const planned = planSheet(sheet, fetchOrganisation(client));
    const block = planned.check.block;
    resultColumn(block);
    const held = new HeldCustomers(client.listCustomers());
    const importNumber = nextImportNumber();
    const job: Job = {
      id: Utilities.getUuid(),
      sheetName: sheet.getName(),
      sheetId: sheet.getSheetId(),
      user: Session.getActiveUser().getEmail() || 'unknown user',
      template: planned.check.mapping.template,
      mode: planned.plan.jobs.some((j) => j.mode === 'import') ? 'import' : 'assign',
      onlyFailed,
      startedAt: new Date().toISOString(),
      importNumber,
      state: 'running',
      totalCustomers: 0,
      totalRows: 0,
      doneCustomers: 0,
      doneRows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      skipped: 0,
      unplaced: 0,
      message: '',
      lastChunkAt: Date.now(),
    };
    const previous = readResults(block, resultColumn(block));
    const first = block.input.firstRow;
    const failedAtStart = onlyFailed ? new Set(previous.flatMap((text, i) => (needsAnotherTry(text) ? [first + i] : []))) : null;
    if (failedAtStart) saveFailedAtStart(job.id, failedAtStart);
    const { pending, skippedRows } = remaining(planned, previous, job, failedAtStart);

    // Settled now, without a request: lines with errors, customers Upflow's list can't name
    // exactly (several of that name, an External ID it does not hold), and unchanged customers.
    const time = shownNow();
    const { sendable, refused } = settleUnmatched(pending, held);
    const { unchanged } = triage(sendable, held);
    const placement = placeResults(sheet, job.template as PlannedImport['check']['mapping']['template'], [
      ...skippedResults(planned, skippedRows, importNumber, time),
      ...outcomeResults(planned, [...refused, ...unchanged], importNumber, time),
    ]);
    job.unplaced = placement.unplaced;
    recount(job, planned, readResults(placement.block, placement.column), failedAtStart);
    clearCancel();
    clearCreating();
    savePacer(client.pacer.snapshot());
    saveJob(job);
    recordHistory(historyOf(job, ''));
    return job;
  });
  if (!started) throw userError('BUSY', 'Another import step is running on this spreadsheet. Try again in a moment.');
  return jobView(started);
}

/**
 * One chunk: reads the sheet and Upflow's list afresh, sends what it can in CHUNK_MS, writes each
 * result to the line it belongs to, and saves the counts read back from the sheet.
 */
export function continueImport(jobId: string): JobView {
  const view = withDocumentLock(2_000, () => {
    const job = loadJob();
    if (!job || job.id !== jobId) throw userError('IMPORT_UNKNOWN', 'This import is no longer running. Open the history to see how it ended.');
    if (job.state !== 'running') return jobView(job);
    if (cancelRequested(job.id)) return jobView(finish(job, 'cancelled', 'Cancelled by the user.'));
    const sheet = sheetOf(job);
    if (!sheet) return jobView(finish(job, 'failed', `The sheet of this import was deleted; lines without a result were not sent.`));
    job.sheetName = sheet.getName();
    return jobView(runChunk(job, sheet));
  });
  if (!view) {
    const job = loadJob();
    if (!job) throw userError('IMPORT_UNKNOWN', 'This import is no longer running.');
    return { ...jobView(job), message: 'Another step of this import is running; waiting for it.' };
  }
  return view;
}

function runChunk(job: Job, sheet: GoogleAppsScript.Spreadsheet.Sheet): Job {
  const planned = planSheet(sheet, cachedOrganisation());
  const block = planned.check.block;
  const failedAtStart = failedRowsAtStart(job);
  const { pending, skippedRows } = remaining(planned, readResults(block, resultColumn(block)), job, failedAtStart);
  const client = upflowClient();
  client.pacer.restore(loadPacer());
  const time = shownNow();
  // Lines that became invalid since the start (an edit, a new mapping) say so now, not never.
  let results: PendingResult[] = skippedResults(planned, skippedRows, job.importNumber, time);
  const flush = () => {
    const placement = placeResults(sheet, planned.check.mapping.template, results);
    job.unplaced += placement.unplaced;
    results = [];
    clearCreating();
    return placement;
  };

  let cancelled = false;
  let stoppedBy: UserFacingError | null = null;
  let creatingSize = 0;
  try {
    // Read at every chunk that has something to send: the list is the truth after a stopped execution, and the one safe
    // source for which customer a line names (docs/upflow-api.md, "The hard readings").
    const held = new HeldCustomers(pending.length ? client.listCustomers() : []);
    const sender = new ImportSender(client, {
      held,
      createdEarlier: loadCreating(),
      beforeCreates: (keys) => {
        noteCreating(keys);
        creatingSize += keys.join().length;
      },
    });
    // Reading a large sheet and list again can take most of CHUNK_MS: counted in, they left a
    // 30,000-line import a few seconds of sending per step. Every step sends at least one round.
    const sendingFrom = Date.now();
    let at = 0;
    while (at < pending.length && (at === 0 || Date.now() - sendingFrom < CHUNK_MS)) {
      if (cancelRequested(job.id)) {
        cancelled = true;
        break;
      }
      const round = ImportSender.nextRound(pending, at);
      results.push(...outcomeResults(planned, sender.sendRound(round), job.importNumber, time));
      at += round.length;
      if (creatingSize > CREATING_NOTE_LIMIT) {
        flush();
        creatingSize = 0;
      }
    }
  } catch (error) {
    // A quota or an unreadable list stops the chunk: what was sent is written, the import waits.
    if (error instanceof UpflowError) stoppedBy = new UserFacingError(error.code, error.message);
    else if (error instanceof UserFacingError) stoppedBy = error;
    else throw error;
  }
  const placement = flush();
  savePacer(client.pacer.snapshot());
  recount(job, planned, readResults(placement.block, placement.column), failedAtStart);
  job.lastChunkAt = Date.now();
  job.message = placement.unplaced ? unplacedMessage(job.unplaced) : '';
  if (cancelled) return finish(job, 'cancelled', 'Cancelled by the user.');
  if (stoppedBy) {
    job.message = `Paused: ${stoppedBy.message} Nothing was sent twice; Resume when Upflow answers again.`;
    saveJob(job);
    return job;
  }
  const left = remaining(planned, readResults(placement.block, placement.column), job, failedAtStart);
  if (left.pending.length === 0 && left.skippedRows.length === 0) return finish(job, 'done', job.unplaced ? unplacedMessage(job.unplaced) : '');
  saveJob(job);
  return job;
}

const unplacedMessage = (count: number): string =>
  `${count} result${count === 1 ? '' : 's'} could not be written: ${count === 1 ? 'its line was' : 'their lines were'} edited or deleted while ${count === 1 ? 'it was' : 'they were'} being sent. Edited lines are sent again with their new values.`;

function finish(job: Job, state: Job['state'], message: string): Job {
  const ended: Job = { ...job, state, message };
  clearCancel();
  clearCreating();
  saveJob(ended);
  recordHistory(historyOf(ended, new Date().toISOString()));
  const problems = notifyEnd(ended, SpreadsheetApp.getActiveSpreadsheet().getUrl());
  if (problems.length) {
    ended.message = [message, ...problems].filter(Boolean).join(' ');
    saveJob(ended);
  }
  return ended;
}

/** Cancel lands between two rounds of the running chunk, or at once when none runs. */
export function cancelImport(jobId: string): JobView {
  const job = loadJob();
  if (!job || job.id !== jobId) throw userError('IMPORT_UNKNOWN', 'This import is no longer running.');
  if (job.state !== 'running') return jobView(job);
  requestCancel(job.id);
  const done = withDocumentLock(1_000, () => {
    const current = loadJob();
    return current && current.state === 'running' ? finish(current, 'cancelled', 'Cancelled by the user.') : current;
  });
  return jobView(done ?? { ...job, message: 'Cancelling after the requests under way…' });
}
