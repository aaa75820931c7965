import { HeldCustomers } from '../engine/customers/held';
import { UpflowError } from '../engine/upflow/client';
import { ImportSender } from '../engine/import/sender';
import { historyStatus } from '../engine/run/history-status';
import { heldBackResults, outcomeResults, type RowResult } from '../engine/run/line-results';
import { pendingOf, rowsToSendAgain, type RunCursor } from '../engine/run/pending';
import type { PendingResult } from '../engine/run/place-results';
import { progressOf } from '../engine/run/progress';
import { sendRounds } from '../engine/run/send-rounds';
import { settleBeforeSending } from '../engine/run/settle';
import { tally } from '../engine/run/tally';
import type { HistoryEntry, JobView, StartImportInput } from '../shared/api';
import { recordHistory } from './history';
import {
  clearCancel,
  clearCreating,
  cancelRequested,
  loadCreating,
  loadFailedAtStart,
  loadImport,
  saveFailedAtStart,
  loadPacer,
  nextImportNumber,
  noteCreating,
  requestCancel,
  saveImport,
  savePacer,
  type RunningImport,
} from './import-store';
import { planSheet, type PlannedImport } from './import-plan';
import { notifyEnd } from './notify';
import { cachedOrganisation, fetchOrganisation, upflowClient } from './organisation';
import { fingerprints, placeResults, readResults, resultColumn } from './result-column';
import { userError, UserFacingError } from './result';
import { findSheet, type SheetBlock } from './sheet-block';
import { RESULT_HEADER } from './internal-sheets';
import { withDocumentLock } from './document-lock';

/** Each call to continueImport sends for this long once the sheet and Upflow's list are read: far inside Apps Script's 6 minutes. */
const STEP_MS = 25_000;
/** A running import with no step for this long lost its sidebar: a new import may take over. */
const ABANDONED_MS = 10 * 60_000;
/** The note of customers being created is flushed with their results before it outgrows a property. */
const CREATING_NOTE_LIMIT = 6_000;

/** The time shown in results, in the spreadsheet's zone: for people only, never compared. */
const shownNow = (): string => Utilities.formatDate(new Date(), SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');

export function importView(run: RunningImport): JobView {
  return {
    id: run.id,
    sheetName: run.sheetName,
    state: run.state,
    mode: run.mode,
    totalCustomers: run.totalCustomers,
    doneCustomers: run.doneCustomers,
    totalRows: run.totalRows,
    doneRows: run.doneRows,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    failed: run.failed,
    skipped: run.skipped,
    unplaced: run.unplaced,
    startedAt: run.startedAt,
    lastChunkAt: new Date(run.lastChunkAt).toISOString(),
    ...progressOf(run, Date.now()),
    message: run.message,
  };
}

export const currentImport = (): JobView | null => {
  const run = loadImport();
  return run ? importView(run) : null;
};

function historyOf(run: RunningImport, endedAt: string): HistoryEntry {
  return {
    id: run.id,
    startedAt: run.startedAt,
    endedAt,
    user: run.user,
    sheet: run.sheetName,
    template: run.template,
    mode: run.mode,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    failed: run.failed,
    skipped: run.skipped,
    status: historyStatus(run.state, run),
    location: `Sheet "${run.sheetName}", results in column "${RESULT_HEADER}" (import #${run.importNumber})`,
    message: run.message,
  };
}

/** The run's sheet by its id, so renaming it during the import changes nothing; null once deleted. */
function sheetOf(run: RunningImport): GoogleAppsScript.Spreadsheet.Sheet | null {
  return (
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((s) => s.getSheetId() === run.sheetId) ?? null
  );
}

/** The result text of a sheet line, from the results column as read. */
const resultsByRow =
  (block: SheetBlock, results: readonly string[]) =>
  (row: number): string =>
    results[row - block.input.firstRow] ?? '';

const cursorOf = (run: RunningImport, failedAtStart: ReadonlySet<number> | null): RunCursor => ({
  importNumber: run.importNumber,
  onlyFailed: run.onlyFailed,
  failedAtStart,
});

/** Results to place, each with what its line said when read: a line edited since gets none. */
function toPlace(planned: PlannedImport, results: readonly RowResult[]): PendingResult[] {
  const fingerprint = fingerprints(planned.check.block, planned.check.mapping.fieldColumns);
  return results.map((r) => ({ ...r, fingerprint: fingerprint(r.row) }));
}

const problemsOf = (planned: PlannedImport) => [...planned.check.result.problems, ...planned.plan.problems];

/** Counts from the results now in the sheet (src/engine/run/tally.ts), saved with the run. */
function recount(run: RunningImport, planned: PlannedImport, placed: { block: SheetBlock; column: number }, cursor: RunCursor): void {
  Object.assign(run, tally(planned.plan, resultsByRow(placed.block, readResults(placed.block, placed.column)), cursor));
}

/** Lines that were to be re-sent: those whose result said failed or not imported at the start. */
const failedRowsAtStart = (run: RunningImport): Set<number> | null => (run.onlyFailed ? loadFailedAtStart(run.id) : null);

export function startImport({ sheetName, onlyFailed }: StartImportInput): JobView {
  const started = withDocumentLock(10_000, () => {
    const running = loadImport();
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
    // One client for the whole start, its send times kept for the steps: every request of the
    // import counts against Upflow's per-minute limit.
    const client = upflowClient();
    client.pacer.restore(loadPacer());
    const sheet = findSheet(sheetName);
    const planned = planSheet(sheet, fetchOrganisation(client));
    const block = planned.check.block;
    resultColumn(block);
    const held = new HeldCustomers(client.listCustomers());
    const importNumber = nextImportNumber();
    const run: RunningImport = {
      id: Utilities.getUuid(),
      sheetName: sheet.getName(),
      sheetId: sheet.getSheetId(),
      user: Session.getActiveUser().getEmail() || 'unknown user',
      template: planned.check.mapping.template,
      mode: planned.plan.requests.some((r) => r.mode === 'import') ? 'import' : 'assign',
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
    const failedAtStart = onlyFailed ? rowsToSendAgain(previous, block.input.firstRow) : null;
    if (failedAtStart) saveFailedAtStart(run.id, failedAtStart);
    const cursor = cursorOf(run, failedAtStart);
    const pending = pendingOf(planned.plan, resultsByRow(block, previous), cursor);

    // Settled now, without a request: lines with errors, customers Upflow's list can't name
    // exactly (several of that name, an External ID it does not hold), and unchanged customers.
    const time = shownNow();
    const { settled } = settleBeforeSending(pending.requests, held);
    const placement = placeResults(
      sheet,
      planned.check.mapping.template,
      toPlace(planned, [...heldBackResults(pending.heldBackRows, problemsOf(planned), importNumber, time), ...outcomeResults(settled, importNumber, time)]),
    );
    run.unplaced = placement.unplaced;
    recount(run, planned, placement, cursor);
    clearCancel();
    clearCreating();
    savePacer(client.pacer.snapshot());
    saveImport(run);
    recordHistory(historyOf(run, ''));
    return run;
  });
  if (!started) throw userError('BUSY', 'Another import step is running on this spreadsheet. Try again in a moment.');
  return importView(started);
}

/**
 * One step: reads the sheet and Upflow's list afresh, sends what it can in STEP_MS, writes each
 * result to the line it belongs to, and saves the counts read back from the sheet.
 */
export function continueImport(importId: string): JobView {
  const view = withDocumentLock(2_000, () => {
    const run = loadImport();
    if (!run || run.id !== importId) throw userError('IMPORT_UNKNOWN', 'This import is no longer running. Open the history to see how it ended.');
    if (run.state !== 'running') return importView(run);
    if (cancelRequested(run.id)) return importView(finish(run, 'cancelled', 'Cancelled by the user.'));
    const sheet = sheetOf(run);
    if (!sheet) return importView(finish(run, 'failed', `The sheet of this import was deleted; lines without a result were not sent.`));
    run.sheetName = sheet.getName();
    return importView(runStep(run, sheet));
  });
  if (!view) {
    const run = loadImport();
    if (!run) throw userError('IMPORT_UNKNOWN', 'This import is no longer running.');
    return { ...importView(run), message: 'Another step of this import is running; waiting for it.' };
  }
  return view;
}

function runStep(run: RunningImport, sheet: GoogleAppsScript.Spreadsheet.Sheet): RunningImport {
  const planned = planSheet(sheet, cachedOrganisation());
  const block = planned.check.block;
  const cursor = cursorOf(run, failedRowsAtStart(run));
  const pending = pendingOf(planned.plan, resultsByRow(block, readResults(block, resultColumn(block))), cursor);
  const client = upflowClient();
  client.pacer.restore(loadPacer());
  const time = shownNow();
  // Lines that became invalid since the start (an edit, a new mapping) say so now, not never.
  let results: RowResult[] = heldBackResults(pending.heldBackRows, problemsOf(planned), run.importNumber, time);
  const flush = () => {
    const placement = placeResults(sheet, planned.check.mapping.template, toPlace(planned, results));
    run.unplaced += placement.unplaced;
    results = [];
    clearCreating();
    return placement;
  };

  let cancelled = false;
  let stoppedBy: UserFacingError | null = null;
  let creatingSize = 0;
  try {
    // Read at every step that has something to send: the list is the truth after a stopped execution, and the one safe
    // source for which customer a line names (docs/upflow-api.md, "The hard readings").
    const held = new HeldCustomers(pending.requests.length ? client.listCustomers() : []);
    const sender = new ImportSender(client, {
      held,
      createdEarlier: loadCreating(),
      beforeCreates: (keys) => {
        noteCreating(keys);
        creatingSize += keys.join().length;
      },
    });
    // Reading a large sheet and list again can take most of STEP_MS: counted in, they left a
    // 30,000-line import a few seconds of sending per step.
    const sendingFrom = Date.now();
    const stop = sendRounds(sender, pending.requests, { outOfTime: () => Date.now() - sendingFrom >= STEP_MS, cancelled: () => cancelRequested(run.id) }, (outcomes) => {
      results.push(...outcomeResults(outcomes, run.importNumber, time));
      if (creatingSize > CREATING_NOTE_LIMIT) {
        flush();
        creatingSize = 0;
      }
    });
    cancelled = stop === 'cancelled';
  } catch (error) {
    // A quota or an unreadable list stops the step: what was sent is written, the import waits.
    if (error instanceof UpflowError) stoppedBy = new UserFacingError(error.code, error.message);
    else if (error instanceof UserFacingError) stoppedBy = error;
    else throw error;
  }
  const placement = flush();
  savePacer(client.pacer.snapshot());
  recount(run, planned, placement, cursor);
  run.lastChunkAt = Date.now();
  run.message = placement.unplaced ? unplacedMessage(run.unplaced) : '';
  if (cancelled) return finish(run, 'cancelled', 'Cancelled by the user.');
  if (stoppedBy) {
    run.message = `Paused: ${stoppedBy.message} Nothing was sent twice; Resume when Upflow answers again.`;
    saveImport(run);
    return run;
  }
  const left = pendingOf(planned.plan, resultsByRow(placement.block, readResults(placement.block, placement.column)), cursor);
  if (left.requests.length === 0 && left.heldBackRows.length === 0) return finish(run, 'done', run.unplaced ? unplacedMessage(run.unplaced) : '');
  saveImport(run);
  return run;
}

const unplacedMessage = (count: number): string =>
  `${count} result${count === 1 ? '' : 's'} could not be written: ${count === 1 ? 'its line was' : 'their lines were'} edited or deleted while ${count === 1 ? 'it was' : 'they were'} being sent. Edited lines are sent again with their new values.`;

function finish(run: RunningImport, state: RunningImport['state'], message: string): RunningImport {
  const ended: RunningImport = { ...run, state, message };
  clearCancel();
  clearCreating();
  saveImport(ended);
  recordHistory(historyOf(ended, new Date().toISOString()));
  const problems = notifyEnd(ended, SpreadsheetApp.getActiveSpreadsheet().getUrl());
  if (problems.length) {
    ended.message = [message, ...problems].filter(Boolean).join(' ');
    saveImport(ended);
  }
  return ended;
}

/** Cancel lands between two rounds of the running step, or at once when none runs. */
export function cancelImport(importId: string): JobView {
  const run = loadImport();
  if (!run || run.id !== importId) throw userError('IMPORT_UNKNOWN', 'This import is no longer running.');
  if (run.state !== 'running') return importView(run);
  requestCancel(run.id);
  const done = withDocumentLock(1_000, () => {
    const current = loadImport();
    return current && current.state === 'running' ? finish(current, 'cancelled', 'Cancelled by the user.') : current;
  });
  return importView(done ?? { ...run, message: 'Cancelling after the requests under way…' });
}
