import { customerLines } from '../engine/export/customer-sheet';
import { managerIds, PULL_START, pullPage } from '../engine/export/pull-page';
import { UpflowError } from '../engine/upflow/client';
import type { Customer } from '../engine/upflow/schemas';
import type { PullView } from '../shared/api';
import { loadPacer, savePacer } from './import-store';
import { cachedOrganisation, fetchOrganisation, upflowClient } from './organisation';
import { appendLines, finishPulledSheet, pulledIds, startPulledSheet } from './pull-sheet';
import { appendPulledValues, pulledValuesOf, startPulledValues } from './pulled-values';
import { userError } from './result';
import { KEYS, type Pull } from './store/keys';
import { read, remove, write } from './store/store';
import { withDocumentLock } from './document-lock';

/** Each continuePull stops reading after this long: far inside Apps Script's 6 minutes. */
const CHUNK_MS = 25_000;
/** A running pull with no step for this long lost its sidebar: a new one may take over. */
const ABANDONED_MS = 10 * 60_000;

const loadPull = (): Pull | null => read(KEYS.runningPull);
const savePull = (pull: Pull) => write(KEYS.runningPull, pull);

const view = (pull: Pull): PullView => ({
  id: pull.id,
  sheetName: pull.sheetName,
  state: pull.state,
  customers: pull.customers,
  lines: pull.lines,
  read: pull.offset,
  total: pull.total,
  message: pull.message,
});

function sheetOf(pull: Pull): GoogleAppsScript.Spreadsheet.Sheet | null {
  return (
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((s) => s.getSheetId() === pull.sheetId) ?? null
  );
}

/**
 * Starts getting customers from Upflow into a new sheet, or gives back the pull already running
 * (the sidebar was closed during it): the sidebar then calls continuePull until it ends.
 */
export function startPull(onlyMine: boolean): PullView {
  const email = Session.getActiveUser().getEmail();
  if (onlyMine && !email) throw userError('NO_EMAIL', 'Google did not give your email to the add-on, so "only my customers" cannot be chosen. Get all customers instead.');
  const started = withDocumentLock(10_000, () => {
    const running = loadPull();
    if (running?.state === 'running' && Date.now() - running.lastChunkAt < ABANDONED_MS && sheetOf(running)) return running;
    // Members and workflows read now serve every chunk (cached), and tell the key works before a sheet is added.
    fetchOrganisation(upflowClient());
    const sheet = startPulledSheet(onlyMine ? 'My Upflow customers' : 'Upflow customers');
    startPulledValues(sheet, onlyMine ? email : null);
    const pull: Pull = {
      id: Utilities.getUuid(),
      sheetId: sheet.getSheetId(),
      sheetName: sheet.getName(),
      manager: onlyMine ? email : null,
      ...PULL_START,
      customers: 0,
      lines: 0,
      state: 'running',
      message: '',
      lastChunkAt: Date.now(),
    };
    remove(KEYS.cancelledPull);
    savePull(pull);
    return pull;
  });
  if (!started) throw userError('PULL_BUSY', 'Another pull or import is starting in this spreadsheet. Try again in a few seconds.');
  return view(started);
}

/**
 * Reads pages of Upflow's customer list for about 25 seconds and adds their lines to the sheet,
 * paced under the rate limit across executions. The cursor is saved after each page: an
 * execution stopped anywhere resumes from the last page saved, and a page written but not saved
 * adds nothing twice (pulledIds).
 */
export function continuePull(id: string): PullView {
  const stepped = withDocumentLock(1_000, () => {
    const pull = loadPull();
    if (!pull || pull.id !== id) throw userError('PULL_GONE', 'This pull is no longer running. Get customers from Upflow again.');
    if (pull.state !== 'running') return pull;
    const sheet = sheetOf(pull);
    if (!sheet) return end(pull, 'failed', 'The sheet of this pull was deleted. Get customers from Upflow again.');
    const org = cachedOrganisation();
    const client = upflowClient();
    client.pacer.restore(loadPacer());
    const managers = pull.manager === null ? undefined : managerIds(org.members, pull.manager);
    const startedAt = Date.now();
    const remembered = pulledValuesOf(sheet);
    try {
      const written = pulledIds(sheet);
      while (!pull.done && Date.now() - startedAt < CHUNK_MS) {
        if (read(KEYS.cancelledPull) === pull.id)
          return end(pull, 'cancelled', `Stopped: ${pull.customers.toLocaleString()} customers are in the sheet; the others were not read.`);
        const page = pullPage(client, pull, managers);
        const fresh = page.customers.filter((c) => !written.has(c.id));
        const lines = customerLines(fresh, { ...org, customers: new Map<string, Customer>(page.customers.map((c) => [c.id, c])) });
        // What was pulled is remembered first: a line in the sheet always has its values to refresh from.
        if (remembered) appendPulledValues(remembered, lines);
        appendLines(sheet, lines);
        for (const c of fresh) written.add(c.id);
        Object.assign(pull, page.next, { customers: pull.customers + fresh.length, lines: pull.lines + lines.length, lastChunkAt: Date.now() });
        savePull(pull);
        savePacer(client.pacer.snapshot());
      }
    } catch (error) {
      if (error instanceof UpflowError)
        return end(pull, 'failed', `Upflow stopped answering after ${pull.customers.toLocaleString()} customers: ${error.message} Get customers again to start over.`);
      throw error;
    }
    if (!pull.done) return pull;
    finishPulledSheet(sheet, org);
    return end(pull, 'done', '');
  });
  // Another execution holds the pull (a second sidebar): it goes on there.
  if (!stepped) {
    const pull = loadPull();
    if (!pull || pull.id !== id) throw userError('PULL_GONE', 'This pull is no longer running. Get customers from Upflow again.');
    return view(pull);
  }
  return view(stepped);
}

function end(pull: Pull, state: Pull['state'], message: string): Pull {
  Object.assign(pull, { state, message, lastChunkAt: Date.now() });
  savePull(pull);
  remove(KEYS.cancelledPull);
  return pull;
}

/** Cancel is a flag apart from the pull, so it lands even while a chunk holds the lock; the lines read stay. */
export function cancelPull(id: string): PullView {
  write(KEYS.cancelledPull, id);
  const ended = withDocumentLock(1_000, () => {
    const pull = loadPull();
    if (!pull || pull.id !== id || pull.state !== 'running') return pull;
    return end(pull, 'cancelled', `Stopped: ${pull.customers.toLocaleString()} customers are in the sheet; the others were not read.`);
  });
  const pull = ended ?? loadPull();
  if (!pull || pull.id !== id) throw userError('PULL_GONE', 'This pull is no longer running.');
  return view(pull);
}
