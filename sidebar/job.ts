import type { JobView } from '../src/shared/api';
import { plural } from './format';
import { call, isConnectionLost, toAppError } from './rpc';
import { openSheet } from './sheets';
import { announce } from './status';
import { dispatch, perform, state } from './store';

const FIRST_RETRY_SECONDS = 2;
const MAX_RETRY_SECONDS = 30;
const WAIT_FOR_OTHER_SECONDS = 3;

/** Each start, resume or cancel bumps it; an older loop sees the change and stops quietly. Not application state: it only names the loop that may go on. */
let generation = 0;

const sleep = (seconds: number) => new Promise((resolve) => window.setTimeout(resolve, seconds * 1000));

/** The progress bar and Cancel button go away: focus and announce the result instead. */
function finish(job: JobView): void {
  dispatch({ type: 'focusRequested', key: 'import-result' });
  const n = (x: number) => x.toLocaleString();
  const counts = `${n(job.created)} created, ${n(job.updated)} updated, ${n(job.unchanged)} unchanged, ${n(job.failed)} failed, ${n(job.skipped)} not imported.`;
  if (job.state === 'done') announce(`Import finished: ${counts}`, job.failed || job.skipped ? 'warning' : 'success');
  else if (job.state === 'cancelled') announce(`Import cancelled: ${counts}`, 'warning');
  else announce(job.message || `Import failed: ${counts}`, 'error');
}

/**
 * Drives a running job to its end. The server does a slice of work per continueImport call and
 * can resume after any interruption, so a lost connection is retried with growing pauses.
 */
export async function follow(jobId: string): Promise<void> {
  const mine = ++generation;
  let delay = 0;
  dispatch({ type: 'callStarted', key: 'job', area: 'job' });
  try {
    while (mine === generation && state.job?.id === jobId && state.job.state === 'running') {
      try {
        const before = state.job?.doneRows;
        const job = await call('continueImport', jobId);
        if (mine !== generation) return;
        delay = 0;
        dispatch({ type: 'jobUpdated', job });
        if (job.state !== 'running') finish(job);
        // Another sidebar holds the step (two people opened it): wait for it instead of asking at once.
        else if (job.doneRows === before) await sleep(WAIT_FOR_OTHER_SECONDS);
      } catch (e) {
        if (mine !== generation) return;
        if (!isConnectionLost(e)) {
          const error = toAppError(e);
          const sent = state.job ? { sentRows: state.job.doneRows, totalRows: state.job.totalRows } : { sentRows: 0, totalRows: 0 };
          dispatch({ type: 'callFailed', area: 'job', failure: { error, retry: () => void follow(jobId), attempt: { kind: 'continue', ...sent } } });
          announce(error.message, 'error');
          return;
        }
        delay = Math.min(delay ? delay * 2 : FIRST_RETRY_SECONDS, MAX_RETRY_SECONDS);
        dispatch({ type: 'jobConnectionLost', retryIn: delay });
        await sleep(delay);
      }
    }
  } finally {
    if (mine === generation) dispatch({ type: 'jobLetGo' });
  }
}

export async function startImport(onlyFailed: boolean): Promise<void> {
  const sheetName = onlyFailed && state.job ? state.job.sheetName : state.sheetName;
  // The last import's card goes: what happens now must not be read as part of it.
  if (state.job?.state !== 'running') dispatch({ type: 'jobClosed' });
  const job = await perform('start', 'job', () => call('startImport', { sheetName, onlyFailed }), undefined, { kind: 'start' });
  if (!job) return;
  dispatch({ type: 'importStarted', job });
  announce(`Import started: ${plural(job.totalRows, 'line')} to send.`);
  if (job.state === 'running') void follow(job.id);
  else finish(job);
}

export async function cancelImport(): Promise<void> {
  const running = state.job;
  if (!running) return;
  // Stop following first: an answer still in flight must not overwrite the cancelled job.
  generation++;
  dispatch({ type: 'jobLetGo' });
  const job = await perform('cancel', 'job', () => call('cancelImport', running.id), undefined, { kind: 'cancel' });
  if (!job) return;
  dispatch({ type: 'jobUpdated', job });
  finish(job);
}

export async function copyFailedRows(): Promise<void> {
  const sheetName = state.job?.sheetName ?? state.sheetName;
  const copy = await perform('copy', 'job', () => call('copyFailedRows', sheetName));
  if (!copy) return;
  announce(`Copied ${plural(copy.rows, 'failed line')} to sheet ‘${copy.sheetName}’.`, 'success');
  openSheet(copy.sheetName, null, copy.rows + 1);
}
