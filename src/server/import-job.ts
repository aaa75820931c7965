import { ImportSender } from '../engine/import/sender';
import type { JobOutcome } from '../engine/import/outcome';
import type { CustomerJob } from '../engine/payloads';
import { existingIndex, triage } from '../engine/import/triage';
import { startImportInputSchema, type JobView } from '../shared/api';
import { recordHistory } from './history';
import { clearCancel, cancelRequested, loadJob, loadPacer, requestCancel, saveJob, savePacer, type Job } from './job-store';
import { planImport } from './import-plan';
import { notifyEnd } from './notify';
import { cachedOrganisation, fetchOrganisation, upflowClient } from './organisation';
import { needsAnotherTry, readResults, resultColumn, resultText, stampOf, textsFor, writeResults } from './result-column';
import { userError } from './result';
import { readBlock, findSheet } from './sheet-block';
import { freeSheetName, RESULT_HEADER } from './internal-sheets';
import { columnLetter } from '../engine/a1';
import { cellText } from '../engine/cell';

/** Each call to continueImport stops sending after this long: far inside Apps Script's 6 minutes. */
const CHUNK_MS = 25_000;

function stampNow(): string {
  return Utilities.formatDate(new Date(), SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm:ss');
}

/**
 * A stamp later than every result already in the column: rows stamped at or after it count as
 * done by this import, so an import started in the same second as the last one must wait a tick.
 */
function freshStamp(previous: readonly string[]): string {
  const latest = previous.reduce((max, text) => {
    const stamp = stampOf(text);
    return stamp !== null && stamp > max ? stamp : max;
  }, '');
  let stamp = stampNow();
  while (stamp <= latest) {
    Utilities.sleep(250);
    stamp = stampNow();
  }
  return stamp;
}

/** Everything about a job is decided under the document lock: two chunks never run at once. */
function withLock<T>(waitMs: number, work: () => T): T | null {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return null;
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

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

/** Jobs of the plan this import still has to send: some row without a result of this import. */
function pendingJobs(jobs: readonly CustomerJob[], results: readonly string[], firstRow: number, job: Pick<Job, 'stamp' | 'onlyFailed'>): CustomerJob[] {
  const resultOf = (row: number) => results[row - firstRow] ?? '';
  return jobs.filter((j) => {
    const done = j.rows.every((row) => (stampOf(resultOf(row)) ?? '') >= job.stamp);
    if (done) return false;
    // Re-sending failed rows: a row still failed from the last import is one to send again.
    return !job.onlyFailed || j.rows.some((row) => needsAnotherTry(resultOf(row)));
  });
}

function historyOf(job: Job, endedAt: string) {
  return {
    id: job.id, startedAt: job.startedAt, endedAt, user: job.user, sheet: job.sheetName, template: job.template, mode: job.mode,
    created: job.created, updated: job.updated, unchanged: job.unchanged, failed: job.failed, skipped: job.skipped,
    status: job.state === 'running' ? 'running' as const : job.state === 'cancelled' ? 'cancelled' as const : job.state === 'failed' ? 'failed' as const : job.failed || job.skipped ? 'partial' as const : 'success' as const,
    location: `Sheet "${job.sheetName}", results in column ${columnLetter(job.resultColumn - 1)} ("${RESULT_HEADER}")`,
    message: job.message,
  };
}

export function startImport(raw: unknown): JobView {
  const parsed = startImportInputSchema.safeParse(raw);
  if (!parsed.success) throw userError('IMPORT_INVALID', 'This import request is not valid. Reload the sidebar and try again.');
  const { sheetName, onlyFailed } = parsed.data;
  const started = withLock(10_000, () => {
    const running = loadJob();
    if (running?.state === 'running') {
      throw userError('IMPORT_RUNNING', `An import of "${running.sheetName}" started by ${running.user} at ${running.startedAt.slice(11, 16)} UTC is still running on this spreadsheet. Resume or cancel it first.`);
    }
    // One client for the whole start, its send times kept for the chunks: every request of the
    // import counts against Upflow's per-minute limit.
    const client = upflowClient();
    client.pacer.restore(loadPacer());
    const { check, plan } = planImport(sheetName, fetchOrganisation(client));
    const block = check.block;
    const column = resultColumn(block);
    const previous = readResults(block, column);
    const stamp = freshStamp(previous);
    const job: Job = {
      id: Utilities.getUuid(), sheetName, sheetId: block.sheet.getSheetId(), user: Session.getActiveUser().getEmail() || 'unknown user',
      template: check.mapping.template, mode: plan.jobs.some((j) => j.mode === 'import') ? 'import' : 'assign', onlyFailed,
      startedAt: new Date().toISOString(), stamp, state: 'running', resultColumn: column,
      totalCustomers: 0, totalRows: 0, doneCustomers: 0, doneRows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0,
      message: '', lastChunkAt: Date.now(),
    };
    const pending = pendingJobs(plan.jobs, previous, block.input.firstRow, { stamp, onlyFailed });
    // Unchanged customers are settled now, without a request; lines with errors likewise.
    const settled = triage(pending, existingIndex(client.listCustomers())).unchanged;
    const skippedRows = onlyFailed ? plan.skippedRows.filter((r) => needsAnotherTry(previous[r - block.input.firstRow] ?? '')) : plan.skippedRows;
    const texts = textsFor(settled, stamp);
    const problemsByRow = new Map<number, string>();
    for (const p of [...check.result.problems, ...plan.problems]) if (p.severity === 'error' && !problemsByRow.has(p.row)) problemsByRow.set(p.row, `${p.cell}: ${p.message}`);
    for (const row of skippedRows) texts.set(row, resultText('skipped', problemsByRow.get(row) ?? 'fix the errors marked on this line', stamp));
    writeResults(block.sheet, column, texts);
    job.totalCustomers = pending.length;
    job.totalRows = pending.reduce((n, j) => n + j.rows.length, 0);
    job.unchanged = settled.length;
    job.doneCustomers = settled.length;
    job.doneRows = settled.reduce((n, o) => n + o.rows.length, 0);
    job.skipped = skippedRows.length;
    clearCancel();
    savePacer(client.pacer.snapshot());
    saveJob(job);
    recordHistory(historyOf(job, ''));
    return job;
  });
  if (!started) throw userError('BUSY', 'Another import step is running on this spreadsheet. Try again in a moment.');
  return jobView(started);
}

/** One chunk: sends what it can in CHUNK_MS, writes the results once, saves the cursor. */
export function continueImport(jobId: string): JobView {
  const view = withLock(2_000, () => {
    const job = loadJob();
    if (!job || job.id !== jobId) throw userError('IMPORT_UNKNOWN', 'This import is no longer running. Open the history to see how it ended.');
    if (job.state !== 'running') return jobView(job);
    if (cancelRequested(job.id)) return jobView(finish(job, 'cancelled', 'Cancelled by the user.'));
    const { check, plan } = planImport(job.sheetName, cachedOrganisation());
    const results = readResults(check.block, job.resultColumn);
    const pending = pendingJobs(plan.jobs, results, check.block.input.firstRow, job);
    const client = upflowClient();
    client.pacer.restore(loadPacer());
    const sender = new ImportSender(client);
    const outcomes: JobOutcome[] = [];
    const started = Date.now();
    let at = 0;
    let cancelled = false;
    while (at < pending.length && Date.now() - started < CHUNK_MS) {
      if (cancelRequested(job.id)) {
        cancelled = true;
        break;
      }
      const round = ImportSender.nextRound(pending, at);
      outcomes.push(...sender.sendRound(round));
      at += round.length;
    }
    writeResults(check.block.sheet, job.resultColumn, textsFor(outcomes, job.stamp));
    savePacer(client.pacer.snapshot());
    for (const o of outcomes) {
      if (o.outcome === 'created') job.created++;
      else if (o.outcome === 'updated') job.updated++;
      else if (o.outcome === 'failed') job.failed++;
      job.doneCustomers++;
      job.doneRows += o.rows.length;
    }
    job.lastChunkAt = Date.now();
    if (cancelled) return jobView(finish(job, 'cancelled', 'Cancelled by the user.'));
    if (at >= pending.length) return jobView(finish(job, 'done', ''));
    saveJob(job);
    return jobView(job);
  });
  if (!view) {
    const job = loadJob();
    if (!job) throw userError('IMPORT_UNKNOWN', 'This import is no longer running.');
    return { ...jobView(job), message: 'Another step of this import is running; waiting for it.' };
  }
  return view;
}

function finish(job: Job, state: Job['state'], message: string): Job {
  const ended: Job = { ...job, state, message };
  clearCancel();
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
  const done = withLock(1_000, () => {
    const current = loadJob();
    return current && current.state === 'running' ? finish(current, 'cancelled', 'Cancelled by the user.') : current;
  });
  return jobView(done ?? { ...job, message: 'Cancelling after the requests under way…' });
}

/** The lines that failed or were not imported, with their result, in a new sheet to fix. */
export function copyFailedRows(sheetName: string): { sheetName: string; rows: number } {
  const block = readBlock(findSheet(sheetName));
  const column = block.headers.findIndex((h) => h === RESULT_HEADER);
  if (column < 0) throw userError('NO_RESULTS', `Sheet "${sheetName}" has no import results yet. Import it first.`);
  const rows = block.input.rows.filter((row) => needsAnotherTry(String(row[column] ?? '')));
  if (!rows.length) throw userError('NO_FAILED_ROWS', `No line of "${sheetName}" failed: nothing to copy.`);
  const target = SpreadsheetApp.getActiveSpreadsheet().insertSheet(freeSheetName(`${sheetName} - to fix`));
  const all = [block.headers, ...rows].map((r) => r.map((v) => cellText(v)));
  if (target.getMaxColumns() < block.width) target.insertColumnsAfter(target.getMaxColumns(), block.width - target.getMaxColumns());
  if (target.getMaxRows() < all.length) target.insertRowsAfter(target.getMaxRows(), all.length - target.getMaxRows());
  const range = target.getRange(1, 1, all.length, block.width);
  range.setNumberFormat('@');
  range.setValues(all);
  target.getRange(1, 1, 1, block.width).setFontWeight('bold');
  target.setFrozenRows(1);
  target.activate();
  return { sheetName: target.getName(), rows: rows.length };
}
