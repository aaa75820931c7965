import type { TemplateId } from '../src/engine/templates';
import { call } from './rpc';
import { announce } from './status';
import { state, update } from './state';
import { loadMapping } from './views/mapping';

/**
 * Makes `name` the sheet the Import view works on, and forgets everything shown about the
 * previous one (mapping, check, preview, errors, a finished import of another sheet). Sheets the
 * add-on just created (template, CSV, failed lines) are added to the picker without reloading.
 */
function workOn(name: string, template: TemplateId | null, lastRow: number): void {
  const sheets = state.app?.sheets;
  if (sheets && !sheets.some((s) => s.name === name)) sheets.push({ name, lastRow, active: false });
  state.openGroups = new Set();
  const job = state.job && (state.job.state === 'running' || state.job.sheetName === name) ? state.job : null;
  update({ sheetName: name, mapping: null, validation: null, preview: null, sheetChanged: false, job, undo: null });
  for (const area of ['mapping', 'check', 'preview', 'sheet'] as const) delete state.errors[area];
  if (!job) delete state.errors.job;
  void loadMapping(template);
}

/** The add-on put `name` on screen (a new template, CSV or copy): the Import view follows. */
export function openSheet(name: string, template: TemplateId | null = null, lastRow = 0): void {
  state.view = 'import';
  workOn(name, template, lastRow);
}

/** The user picked a sheet in the sidebar: it comes on screen too, so both show the same one. */
export function pickSheet(name: string): void {
  workOn(name, null, 0);
  call('showSheet', name).catch(() => undefined);
}

/** The user went to another tab of the spreadsheet: the sidebar follows, whatever view it shows. */
export function followSheet(name: string): void {
  workOn(name, null, 0);
  announce(`Now working on ‘${name}’, the sheet on screen.`);
}
