import type { JobView } from '../../src/shared/api';
import { h } from '../dom';
import { plural, timeLeft } from '../format';
import { cancelImport, copyFailedRows, follow, startImport } from '../job';
import { isBusy, state, update } from '../state';
import { areaError, button, notice, spinner } from '../ui';

const verb = (job: JobView) => (job.mode === 'assign' ? 'Assigning' : 'Importing');

function running(job: JobView): HTMLElement {
  const following = isBusy('job');
  const total = Math.max(job.totalRows, 0);
  const done = Math.min(job.doneRows, total);
  const percent = total ? Math.round((done / total) * 100) : 0;
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
        'aria-valuetext': `${done} of ${total} lines`,
      },
      h('div', { class: 'fill', style: `width: ${percent}%` }),
    ),
    h('p', { class: 'small' }, `${done.toLocaleString()} of ${plural(total, 'line')} · ${job.doneCustomers.toLocaleString()} of ${plural(job.totalCustomers, 'customer')}`),
    following && h('p', { class: 'small muted' }, job.ratePerMinute > 0 ? `${Math.round(job.ratePerMinute).toLocaleString()} lines/min · ${timeLeft(job.secondsLeft)}` : 'Starting…'),
    state.jobRetryIn !== null && notice('warning', h('p', {}, `Connection lost, retrying in ${state.jobRetryIn} s… The import resumes where it stopped.`)),
    !following && notice('info', h('p', {}, 'This import is not finished. Resume it to send the remaining lines, or cancel it.')),
    h(
      'div',
      { class: 'toolbar' },
      !following && button('Resume', () => void follow(job.id), { kind: 'action', 'data-testid': 'resume-button', disabled: isBusy('cancel') }),
      button(isBusy('cancel') ? 'Cancelling…' : 'Cancel', () => void cancelImport(), { 'data-testid': 'cancel-button', disabled: isBusy('cancel') }),
    ),
  );
}

function finished(job: JobView): HTMLElement {
  const title = { done: 'Import finished', cancelled: 'Import cancelled', failed: 'Import failed', running: '' }[job.state];
  const tone = job.state === 'done' ? (job.failed || job.skipped ? 'warning' : 'success') : job.state === 'cancelled' ? 'warning' : 'error';
  const stat = (n: number, label: string, cls: string) => h('div', { class: `stat stat-${n ? cls : 'zero'}` }, h('span', { class: 'num' }, n.toLocaleString()), h('span', { class: 'lbl' }, label));
  return h(
    'div',
    { class: 'job', 'data-testid': 'import-result', tabindex: -1 },
    notice(tone, h('p', {}, h('strong', {}, `${title} `), `for ‘${job.sheetName}’.`), job.message && h('p', {}, job.message)),
    h('div', { class: 'stats' }, stat(job.created, 'created', 'success'), stat(job.updated, 'updated', 'success'), stat(job.unchanged, 'unchanged', 'neutral'), stat(job.failed, 'failed', 'error'), stat(job.skipped, 'not imported', 'error')),
    job.failed + job.skipped > 0 &&
      h(
        'div',
        { class: 'toolbar' },
        button(isBusy('start') ? 'Sending…' : 'Re-send failed rows', () => void startImport(true), { kind: 'action', 'data-testid': 'resend-failed', disabled: isBusy('start', 'copy') }),
        button(isBusy('copy') ? 'Copying…' : 'Copy failed lines to a new sheet', () => void copyFailedRows(), { 'data-testid': 'copy-failed', disabled: isBusy('start', 'copy') }),
      ),
    job.failed + job.skipped > 0 && h('p', { class: 'muted small' }, 'Each line’s result is written next to it on the sheet.'),
  );
}

export function renderJob(job: JobView): HTMLElement {
  return h(
    'section',
    { class: 'card job-card', 'aria-label': 'Import' },
    job.state === 'running' ? running(job) : finished(job),
    areaError('job'),
    job.state !== 'running' && h('div', { class: 'toolbar end' }, button('Close', () => update({ job: null }), { kind: 'link', 'data-focus': 'close-result' })),
  );
}
