import type { SheetContext } from '../src/shared/api';
import { call } from './rpc';
import { followSheet } from './sheets';
import { dispatch, state } from './store';

/**
 * A sidebar gets no event when the user changes tab or edits a cell, so it asks. Quietly: no
 * spinner, a failure is ignored (the next look will tell), and never while an action of the user
 * runs, whose answer must not be overtaken by a switch of sheet.
 */
const EVERY_MS = 2_500;

/** A look under way: the next tick does not ask again. Not application state: it only spaces the calls. */
let looking = false;

function apply(context: SheetContext): void {
  if (!state.app) return;
  dispatch({ type: 'sheetsListed', sheets: context.sheets });
  const gone = !context.sheets.some((s) => s.name === state.sheetName);
  const onScreen = context.activeSheet || (gone ? (context.sheets[0]?.name ?? '') : '');
  if (onScreen && onScreen !== state.sheetName) {
    followSheet(onScreen);
    return;
  }
  const v = state.check;
  if (v && !state.sheetChanged && context.editedAt !== null && context.editedAt > v.checkedAt) dispatch({ type: 'sheetEdited' });
}

export async function look(): Promise<void> {
  if (looking || !state.app || state.busy.size > 0 || document.visibilityState === 'hidden') return;
  looking = true;
  const asked = state.sheetName;
  try {
    const context = await call('getSheetContext', asked);
    // Something the user started meanwhile wins over what was seen before it.
    if (state.busy.size === 0 && state.sheetName === asked) apply(context);
  } catch {
    // Asked again in a moment.
  } finally {
    looking = false;
  }
}

export function watchSheet(): void {
  window.setInterval(() => void look(), EVERY_MS);
  window.addEventListener('focus', () => void look());
  document.addEventListener('visibilitychange', () => void look());
}
