import type { JobView } from '../../src/shared/api';
import { h, type Child } from '../dom';
import { plural } from '../format';
import { cancelImport, follow, startImport } from '../job';
import { isBusy, state } from '../store';
import { areaError, button, spinner } from '../ui';
import { assignOnly, preview, toSend } from './preview';
import { runCheck } from './problems';

/**
 * The next step, always in view at the bottom of the Import view whatever the length of the
 * mapping: one main button, the sheet it acts on, and what went wrong with the last attempt,
 * right above the button that made it.
 */
function bar(context: Child, errors: Child, ...buttons: Child[]): HTMLElement {
  return h(
    'footer',
    { class: 'action-bar', 'data-testid': 'action-bar', 'aria-label': 'Next step' },
    errors,
    h('p', { class: 'bar-context small', 'data-testid': 'action-context' }, context),
    buttons.some(Boolean) && h('div', { class: 'toolbar' }, buttons),
  );
}

function jobBar(job: JobView): HTMLElement {
  const following = isBusy('job');
  const cancelling = isBusy('cancel');
  const left = Math.max(job.totalRows - job.doneRows, 0);
  return bar(
    following
      ? `${job.mode === 'assign' ? 'Assigning' : 'Importing'} ‘${job.sheetName}’: ${job.doneRows.toLocaleString()} of ${plural(job.totalRows, 'line')} done.`
      : `The import of ‘${job.sheetName}’ is paused: ${plural(left, 'line')} not sent yet.`,
    areaError('job'),
    !following && button('Resume', () => void follow(job.id), { kind: 'action', 'data-testid': 'resume-button', disabled: cancelling }),
    button(cancelling ? 'Cancelling…' : 'Cancel import', () => void cancelImport(), { 'data-testid': 'cancel-button', disabled: cancelling }),
    (following || cancelling) && spinner(cancelling ? 'Cancelling the import…' : 'Import running'),
  );
}

export function renderActionBar(): HTMLElement {
  if (state.job?.state === 'running') return jobBar(state.job);
  const sheet = `‘${state.sheetName}’`;
  const m = state.mapping;
  if (!m) return bar(isBusy('mapping') ? `Reading ${sheet}…` : `${sheet} could not be read: see above.`, null);
  if (m.columns.length === 0) return bar(`${sheet} is empty: insert a template or import a CSV file.`, null);
  if (m.missingRequired.length) return bar(`Choose the required columns of ${sheet} first (marked in Columns above).`, null);

  const v = state.check;
  const checking = isBusy('check');
  const previewing = isBusy('preview');
  const starting = isBusy('start');
  const anyBusy = checking || previewing || starting;
  const errors = [areaError('check'), areaError('preview'), areaError('job')];
  const check = (main: boolean) =>
    button(checking ? 'Checking…' : v ? 'Check again' : 'Check sheet', () => void runCheck(), {
      kind: main ? 'action' : 'secondary',
      'data-testid': 'check-button',
      disabled: anyBusy,
    });
  const busySpinner = anyBusy && spinner(checking ? 'Checking the sheet…' : previewing ? 'Preparing the preview…' : 'Starting the import…');

  if (!v) return bar(`${sheet}: ${plural(m.dataRows, 'line')} to check.`, errors, check(true), busySpinner);
  if (state.sheetChanged) return bar(`${sheet} changed since the last check: check again before importing.`, errors, check(true), busySpinner);
  const ready = `${sheet}: ${v.readyRows.toLocaleString()} of ${plural(v.rows, 'line')} ready`;
  if (v.rows === 0) return bar(`${sheet} has no line below its headers: add your customers, then check again.`, errors, check(true), busySpinner);
  if (v.readyRows === 0) return bar(`${ready}. Fix the errors, then check again.`, errors, check(true), busySpinner);
  const p = state.preview;
  if (!p) {
    return bar(
      `${ready}.`,
      errors,
      button(previewing ? 'Preparing preview…' : 'Preview', () => void preview(), { kind: 'action', 'data-testid': 'preview-button', disabled: anyBusy }),
      check(false),
      busySpinner,
    );
  }
  const notFound = p.unmatchedRows ? `, ${p.unmatchedRows.toLocaleString()} of them ${p.mode === 'assign' ? 'not found in Upflow' : 'not matched to one Upflow customer'}` : '';
  if (toSend(p) === 0)
    return bar(notFound ? `${ready}${notFound}: nothing to send.` : `${ready}: nothing to send, Upflow already holds them as they are.`, errors, check(true), busySpinner);
  const verb = p.mode === 'assign' || assignOnly() ? 'Assign' : 'Import';
  return bar(
    starting ? 'Preparing the import: reading what Upflow already holds. Nothing is sent yet.' : `${ready}${notFound}.`,
    errors,
    button(starting ? 'Starting…' : `${verb} ${plural(p.readyRows, 'line')}`, () => void startImport(false), { kind: 'action', 'data-testid': 'import-button', disabled: anyBusy }),
    check(false),
    busySpinner,
  );
}
