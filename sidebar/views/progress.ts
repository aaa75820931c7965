import type { JobView } from '../../src/shared/api';
import { h } from '../dom';
import { dateTime, plural, timeLeft } from '../format';
import { copyFailedRows, startImport } from '../job';
import { dispatch, isBusy, state } from '../store';
import { button, notice, spinner } from '../ui';

const verb = (job: JobView) => (job.mode === 'assign' ? 'Assigning' : 'Importing');

/** A step runs at least every 25 s while a sidebar drives the import (src/server/import-run.ts). */
const LEFT_ALONE_MS = 2 * 60_000;

/** Resume and Cancel live in the action bar; this card says where the import stands. */
function running(job: JobView): HTMLElement {
  const following = isBusy('job');
  const total = Math.max(job.totalRows, 0);
  const done = Math.min(job.doneRows, total);
  const percent = total ? Math.round((done / total) * 100) : 0;
  const leftAlone = !following && Date.now() - Date.parse(job.lastChunkAt) > LEFT_ALONE_MS;
  return h(
    'div',
    { class: 'job' },
    h('p', { class: 'job-title' }, following && spinner('Import running'), h('strong', {}, `${verb(job)} ‘${job.sheetName}’`)),
    h(
      'div',
      {
        class: 'bar',
        role: 'progressbar',
        'data-testid': 'progress',
        'aria-label': 'Import progress',
        'aria-valuemin': 0,
        'aria-valuemax': total,
        'aria-valuenow': done,
        'aria-valuetext': `${done.toLocaleString()} of ${plural(total, 'line')}`,
      },
      h('div', { class: 'fill', style: `width: ${percent}%` }),
    ),
    h('p', { class: 'small' }, `${done.toLocaleString()} of ${plural(total, 'line')} · ${job.doneCustomers.toLocaleString()} of ${plural(job.totalCustomers, 'customer')}`),
    following &&
      h(
        'p',
        { class: 'small muted' },
        job.ratePerMinute > 0 ? `${Math.round(job.ratePerMinute).toLocaleString()} lines/min · ${timeLeft(job.secondsLeft)}` : 'Reading what Upflow already holds…',
      ),
    following &&
      h(
        'p',
        { class: 'small muted', 'data-testid': 'keep-open' },
        'Keep this sidebar open until the end: closing it pauses the import, which goes on when you open the sidebar again.',
      ),
    state.jobRetryIn !== null && notice('warning', h('p', {}, `Connection lost, retrying in ${state.jobRetryIn} s… The import resumes where it stopped.`)),
    !following &&
      h(
        'div',
        { 'data-testid': 'job-left' },
        notice(
          'info',
          h(
            'p',
            {},
            leftAlone
              ? `This import has been waiting since ${dateTime(job.lastChunkAt)}: its sidebar was closed. ${plural(total - done, 'line')} not sent yet.`
              : `This import is paused with ${plural(total - done, 'line')} not sent yet.`,
          ),
          h('p', {}, 'Resume it here to send them, or cancel it to start another import.'),
        ),
      ),
  );
}

function stat(n: number, label: string, tone: string, testid: string): HTMLElement {
  return h('div', { class: `stat stat-${n ? tone : 'zero'}`, 'data-testid': testid }, h('span', { class: 'num' }, n.toLocaleString()), h('span', { class: 'lbl' }, label));
}

/** One next step per kind of line left behind. */
function nextSteps(job: JobView): HTMLElement | null {
  const leftBehind = job.failed + job.skipped;
  const notSent = job.state === 'cancelled' ? Math.max(job.totalRows - job.doneRows, 0) : 0;
  if (!leftBehind && !notSent) return null;
  const busy = isBusy('start', 'copy');
  return h(
    'div',
    { class: 'next-steps', 'data-testid': 'next-steps' },
    notSent > 0 &&
      h('p', { class: 'small' }, `${plural(notSent, 'line')} ${notSent === 1 ? 'was' : 'were'} never sent: import the sheet again to send ${notSent === 1 ? 'it' : 'them'}.`),
    job.failed > 0 &&
      h(
        'p',
        { class: 'small' },
        `${plural(job.failed, 'customer')} refused by Upflow: the reason is next to ${job.failed === 1 ? 'its lines' : 'their lines'} on the sheet. Fix them there, then re-send.`,
      ),
    job.skipped > 0 &&
      h(
        'p',
        { class: 'small' },
        // Assign also skips the lines whose External ID Upflow does not hold: no cell of theirs is marked.
        job.mode === 'assign'
          ? `${plural(job.skipped, 'line')} not assigned: an error the check found, or no customer in Upflow with that External ID. The reason is next to each line on the sheet.`
          : `${plural(job.skipped, 'line')} not imported because of errors the check found: fix the cells marked red, then check and import again.`,
      ),
    h(
      'div',
      { class: 'toolbar' },
      job.failed > 0 &&
        button(isBusy('start') ? 'Sending…' : 'Re-send failed lines', () => void startImport(true), { kind: 'action', 'data-testid': 'resend-failed', disabled: busy }),
      leftBehind > 0 &&
        button(isBusy('copy') ? 'Copying…' : 'Copy the lines not imported to a new sheet', () => void copyFailedRows(), { 'data-testid': 'copy-failed', disabled: busy }),
    ),
  );
}

function finished(job: JobView): HTMLElement {
  const title = { done: 'Import finished', cancelled: 'Import cancelled', failed: 'Import failed', running: '' }[job.state];
  // Failed counts customers (one request each), skipped counts lines: either leaves work to do.
  const leftBehind = job.failed + job.skipped;
  const tone = job.state === 'done' ? (leftBehind ? 'warning' : 'success') : job.state === 'cancelled' ? 'warning' : 'error';
  const sent = job.created + job.updated;
  return h(
    'div',
    { class: 'job', 'data-testid': 'import-result', tabindex: -1 },
    notice(
      tone,
      h('p', {}, h('strong', {}, `${title} `), `for ‘${job.sheetName}’.`),
      h(
        'p',
        {},
        sent ? `${plural(sent, 'customer')} changed in Upflow.` : 'Nothing was changed in Upflow.',
        job.skipped ? ` ${plural(job.skipped, 'line')} not imported.` : '',
        job.failed ? ` ${plural(job.failed, 'customer')} refused.` : '',
      ),
      job.message && h('p', {}, job.message),
    ),
    h(
      'div',
      { class: 'stats stats-5' },
      stat(job.created, 'created', 'success', 'count-created'),
      stat(job.updated, 'updated', 'success', 'count-updated'),
      stat(job.unchanged, 'unchanged', 'neutral', 'count-unchanged'),
      stat(job.failed, 'failed', 'error', 'count-failed'),
      stat(job.skipped, 'skipped', 'warning', 'count-skipped'),
    ),
    nextSteps(job),
    h('p', { class: 'muted small' }, 'Each line’s result is written next to it on the sheet, in the column “Upflow import result”.'),
  );
}

export function renderJob(job: JobView): HTMLElement {
  return h(
    'section',
    { class: 'card job-card', 'aria-label': 'Import' },
    job.state === 'running' ? running(job) : finished(job),
    job.state !== 'running' &&
      h(
        'div',
        { class: 'toolbar end' },
        button('Close', () => dispatch({ type: 'jobClosed' }), { kind: 'link', 'data-focus': 'close-result' }),
      ),
  );
}
