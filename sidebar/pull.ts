import type { PullView } from '../src/shared/api';
import { call, isConnectionLost, toAppError } from './rpc';
import { openSheet } from './sheets';
import { announce } from './status';
import { dispatch, perform, state } from './store';

const FIRST_RETRY_SECONDS = 2;
const MAX_RETRY_SECONDS = 30;

/** Each start or cancel bumps it; an older loop sees the change and stops quietly. Not application state: it only names the loop that may go on. */
let generation = 0;

const sleep = (seconds: number) => new Promise((resolve) => window.setTimeout(resolve, seconds * 1000));

function finish(pull: PullView): void {
  const n = pull.customers.toLocaleString();
  if (pull.state === 'done') {
    announce(
      `${n} ${pull.customers === 1 ? 'customer' : 'customers'} from Upflow in the new sheet ‘${pull.sheetName}’, one line per contact. Edit them there: an import sends only what you change.`,
      'success',
    );
    openSheet(pull.sheetName, 'all');
  } else announce(pull.message, pull.state === 'cancelled' ? 'warning' : 'error');
}

/**
 * Gets customers from Upflow into a new sheet. The server reads a slice per continuePull call and
 * resumes after any interruption, so a lost connection is retried with growing pauses; pressing
 * Get again after closing the sidebar resumes the pull still running.
 */
export async function pull(onlyMine: boolean): Promise<void> {
  const started = await perform('pull', 'templates', () => call('pullCustomers', { onlyMine }));
  if (!started) return;
  const mine = ++generation;
  let pulling = started;
  dispatch({ type: 'pullStarted', pull: started });
  let delay = 0;
  try {
    while (mine === generation && pulling.state === 'running') {
      try {
        pulling = await call('continuePull', pulling.id);
        // Cancelled while this slice was read: its answer would show the pull running again.
        if (mine !== generation) return;
        delay = 0;
        dispatch({ type: 'pullUpdated', pull: pulling });
      } catch (e) {
        if (!isConnectionLost(e)) {
          announce(toAppError(e).message, 'error');
          return;
        }
        delay = Math.min(delay ? delay * 2 : FIRST_RETRY_SECONDS, MAX_RETRY_SECONDS);
        await sleep(delay);
      }
    }
    if (mine === generation) finish(pulling);
  } finally {
    if (mine === generation) dispatch({ type: 'callEnded', key: 'pull' });
  }
}

export async function cancelPull(): Promise<void> {
  const pulling = state.pull;
  if (!pulling || pulling.state !== 'running') return;
  generation++;
  const stopped = await perform('pull-cancel', 'templates', () => call('cancelPull', pulling.id));
  dispatch({ type: 'callEnded', key: 'pull' });
  if (stopped) {
    dispatch({ type: 'pullUpdated', pull: stopped });
    finish(stopped);
  }
}

const rows = (list: readonly number[], count: number) => `${list.join(', ')}${count > list.length ? ` and ${(count - list.length).toLocaleString()} more` : ''}`;

/** Refresh: Upflow's current values into the pulled sheet on screen; the user's edits and columns stay. */
export async function refreshPulled(): Promise<void> {
  const sheetName = state.sheetName;
  const done = await perform('refresh', 'templates', () => call('refreshPulled', sheetName));
  if (!done) return;
  dispatch({ type: 'pulledSheetRefreshed', refresh: done });
  const parts = [
    done.changedCount ? `${done.changedCount.toLocaleString()} lines changed in Upflow (rows ${rows(done.changedInUpflow, done.changedCount)})` : 'no line changed in Upflow',
    done.editedCount ? `${done.editedCount.toLocaleString()} lines edited here and not sent, kept (rows ${rows(done.editedHere, done.editedCount)})` : '',
    done.conflictCount ? `${done.conflictCount.toLocaleString()} cells changed on both sides, yours kept` : '',
    done.added ? `${done.added.toLocaleString()} new in Upflow added at the bottom` : '',
  ].filter(Boolean);
  announce(`‘${sheetName}’ refreshed: ${parts.join('; ')}.`, done.conflictCount ? 'warning' : 'success');
}
