/**
 * The playground page: the emulated spreadsheet beside the add-on's real sidebar. It redraws
 * from GET /state whenever the server says the document changed.
 */
import { fetchState, post, watchChanges } from './api';
import { byId } from './dom';
import { Grid } from './grid';
import { MenuBar } from './menu-bar';
import { Notices } from './notices';
import { SidebarPanel } from './sidebar-panel';
import { renderTabs } from './tabs';

const ERROR_SECONDS = 10;
const RESET_CONFIRM_SECONDS = 4;

const errorBar = byId('error');
let errorTimer = 0;
function showError(message: string): void {
  errorBar.textContent = message;
  errorBar.hidden = false;
  window.clearTimeout(errorTimer);
  errorTimer = window.setTimeout(() => (errorBar.hidden = true), ERROR_SECONDS * 1000);
}

const grid = new Grid(
  {
    wrap: byId('grid-wrap'),
    table: byId<HTMLTableElement>('grid'),
    note: byId('grid-note'),
    popover: byId('note-popover'),
    nameBox: byId('name-box'),
    formula: byId<HTMLInputElement>('formula-input'),
  },
  {
    select: (sheet, cell) => post('/select', { sheet, range: cell }),
    edit: (sheet, cell, input) => post('/edit', { sheet, cell, input }),
    paste: (sheet, cell, rows) => post('/paste', { sheet, cell, rows }),
    showError,
  },
);
const menus = new MenuBar(byId('menubar'), (functionName) => void post('/menu', { functionName }).catch((e: Error) => showError(e.message)));
const notices = new Notices(byId('notices'));
const sidebar = new SidebarPanel(
  { panel: byId('sidebar-panel'), title: byId('sidebar-title'), frame: byId<HTMLIFrameElement>('sidebar-frame'), close: byId<HTMLButtonElement>('sidebar-close') },
  () => grid.focus(),
);
const openSheet = (sheet: string): void => void post('/select', { sheet, range: null }).catch((e: Error) => showError(e.message));

// Two clicks, so one slip does not throw away an afternoon of edits.
const reset = byId<HTMLButtonElement>('reset');
let armed = 0;
reset.addEventListener('click', () => {
  if (!armed) {
    reset.textContent = 'Click again to reset';
    armed = window.setTimeout(() => {
      armed = 0;
      reset.textContent = 'Reset';
    }, RESET_CONFIRM_SECONDS * 1000);
    return;
  }
  window.clearTimeout(armed);
  armed = 0;
  reset.textContent = 'Resetting…';
  reset.disabled = true;
  post('/reset', {})
    .catch((e: Error) => showError(e.message))
    .finally(() => {
      reset.textContent = 'Reset';
      reset.disabled = false;
    });
});

let drawn = -1;
let fetching = false;
let again = false;
/** One request at a time; changes that land meanwhile are picked up by one more. */
async function refresh(): Promise<void> {
  if (fetching) {
    again = true;
    return;
  }
  fetching = true;
  try {
    do {
      again = false;
      const state = await fetchState();
      if (state.version === drawn) continue;
      drawn = state.version;
      document.title = `${state.spreadsheetName} – Upflow import playground`;
      byId('doc-name').textContent = state.spreadsheetName;
      byId<HTMLAnchorElement>('sandbox-link').href = state.sandboxPage;
      renderTabs(byId('tabs'), state.tabs, openSheet);
      menus.render(state.menus);
      grid.render(state.grid, state.activeRange);
      sidebar.render(state.sidebar);
      notices.render(state.notices);
    } while (again);
  } catch (error) {
    showError(`The playground is not answering (${(error as Error).message}). Is \`npm start\` still running?`);
  } finally {
    fetching = false;
  }
}

watchChanges(() => void refresh());
void refresh();
grid.focus();
