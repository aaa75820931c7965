import { FIELD_IDS, field } from '../engine/fields';
import { TEMPLATES, TEMPLATE_IDS } from '../engine/templates';
import type { SidebarState, View } from '../shared/api';
import { currentImport } from './import-run';
import { isInternalSheet } from './internal-sheets';
import { readSettings } from './settings';
import { KEYS } from './store/keys';
import { read, remove, write } from './store/store';

/** Opens the sidebar on a view; the view waits in the user's cache until the sidebar asks. */
export function showSidebar(view: View = 'import'): void {
  write(KEYS.sidebarView, view);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Upflow import');
  SpreadsheetApp.getUi().showSidebar(html);
}

function takeInitialView(): View {
  const view = read(KEYS.sidebarView);
  remove(KEYS.sidebarView);
  return view ?? 'import';
}

/** Everything the sidebar needs to start: its view, the sheets, the templates and fields, the settings and any running import. */
export function sidebarState(): SidebarState {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const active = spreadsheet.getActiveSheet().getName();
  const sheets = spreadsheet
    .getSheets()
    .filter((s) => !s.isSheetHidden() && !isInternalSheet(s.getName()))
    .map((s) => ({ name: s.getName(), lastRow: s.getLastRow(), active: s.getName() === active }));
  return {
    initialView: takeInitialView(),
    user: Session.getActiveUser().getEmail(),
    sheets,
    activeSheet: sheets.some((s) => s.active) ? active : (sheets[0]?.name ?? active),
    templates: TEMPLATE_IDS.map((id) => {
      const t = TEMPLATES[id];
      return { id, label: t.label, description: t.description, fields: [...t.fields], required: [...t.required] };
    }),
    fields: FIELD_IDS.map((id) => {
      const f = field(id);
      return { id, label: f.label, help: f.help, section: f.section };
    }),
    settings: readSettings(),
    job: currentImport(),
  };
}
