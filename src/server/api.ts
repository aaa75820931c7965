import { FIELD_IDS, field, typedFields } from '../engine/fields';
import { TEMPLATES, TEMPLATE_IDS } from '../engine/templates';
import { fixInputSchema, pullInputSchema, type ServerFunctions } from '../shared/api';
import { lastEdit } from './checked-sheets';
import { importCsvFile } from './csv-import';
import { applyFixes } from './fixes';
import { applyFixesUndoable, undoFixes } from './fix-undo';
import { copyBlockedRows, exportProblems } from './problem-export';
import { readHistory } from './history';
import { cancelImport, continueImport, currentJob, startImport } from './import-job';
import { copyFailedRows } from './copy-failed';
import { previewImport } from './import-plan';
import { sendTestNotification } from './notify';
import { isInternalSheet } from './internal-sheets';
import { getMapping, updateMapping } from './mapping-service';
import { fetchOrganisation, forgetOrganisation, interactiveClient, isConnected } from './organisation';
import { guard, userError } from './result';
import { readSettings, saveSettings } from './settings';
import { takeInitialView } from './sidebar';
import { findSheet } from './sheet-block';
import { sheetContext } from './sheet-context';
import { insertTemplate } from './template-sheet';
import { cancelPull, continuePull, startPull } from './pull-job';
import { refreshPulledSheet } from './refresh-sheet';
import { connectionSummary } from './connection';
import { validateAndMark } from './validation-service';

const MAX_CSV_CHARS = 10 * 1024 * 1024;

/** The one table the sidebar calls; each entry answers a value or an error, never throws. */
export const serverFunctions: ServerFunctions = {
  getSidebarState: () => guard(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const active = spreadsheet.getActiveSheet().getName();
    const sheets = spreadsheet.getSheets()
      .filter((s) => !s.isSheetHidden() && !isInternalSheet(s.getName()))
      .map((s) => ({ name: s.getName(), lastRow: s.getLastRow(), active: s.getName() === active }));
    return {
      initialView: takeInitialView(),
      user: Session.getActiveUser().getEmail(),
      sheets,
      activeSheet: sheets.some((s) => s.active) ? active : sheets[0]?.name ?? active,
      templates: TEMPLATE_IDS.map((id) => {
        const t = TEMPLATES[id];
        return { id, label: t.label, description: t.description, fields: typedFields(t.fields), required: [...t.required] };
      }),
      fields: FIELD_IDS.map((id) => {
        const f = field(id);
        return { id, label: f.label, help: f.help, section: f.section };
      }),
      settings: readSettings(),
      job: currentJob(),
    };
  }),
  getMapping: (sheetName, template) => guard(() => getMapping(sheetName, template)),
  saveMapping: (input) => guard(() => updateMapping(input)),
  validateSheet: (sheetName) => guard(() => validateAndMark(sheetName)),
  getSheetStatus: (sheetName) => guard(() => ({ editedAt: lastEdit(findSheet(sheetName)) })),
  jumpToCell: (sheetName, cell) => guard(() => {
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell)) throw userError('CELL_INVALID', `"${cell}" is not a cell.`);
    const sheet = findSheet(sheetName);
    sheet.activate();
    sheet.getRange(cell).activate();
    return null;
  }),
  applyFixes: (input) => guard(() => {
    const parsed = fixInputSchema.safeParse(input);
    if (!parsed.success) throw userError('FIX_INVALID', 'This fix could not be applied. Validate again and retry.');
    return applyFixes(parsed.data);
  }),
  insertTemplate: (template) => guard(() => insertTemplate(template, isConnected() ? safeOrganisation() : null)),
  importCsv: (fileName, text) => guard(() => {
    if (typeof text !== 'string') throw userError('CSV_NOT_TEXT', 'The file did not arrive as text. Choose a .csv or .txt file and try again.');
    if (text.length > MAX_CSV_CHARS) throw userError('CSV_TOO_BIG', `This file is too big: ${(text.length / 1024 / 1024).toFixed(1)} million characters, over the 10 MB limit. Split it in smaller files.`);
    return importCsvFile(String(fileName), text);
  }),
  pullCustomers: (input) => guard(() => {
    const parsed = pullInputSchema.safeParse(input);
    if (!parsed.success) throw userError('PULL_INVALID', 'This request is not valid. Reload the sidebar and try again.');
    return startPull(parsed.data.onlyMine);
  }),
  continuePull: (id) => guard(() => continuePull(String(id))),
  cancelPull: (id) => guard(() => cancelPull(String(id))),
  refreshPulled: (sheetName) => guard(() => refreshPulledSheet(String(sheetName))),
  getHistory: () => guard(() => readHistory()),
  getSettings: () => guard(() => readSettings()),
  saveSettings: (input) => guard(() => {
    const saved = saveSettings(input);
    forgetOrganisation();
    return saved;
  }),
  testConnection: () => guard(() => connectionSummary(fetchOrganisation(interactiveClient()))),
  previewImport: (sheetName) => guard(() => previewImport(sheetName)),
  startImport: (input) => guard(() => startImport(input)),
  continueImport: (jobId) => guard(() => continueImport(jobId)),
  cancelImport: (jobId) => guard(() => cancelImport(jobId)),
  copyFailedRows: (sheetName) => guard(() => copyFailedRows(sheetName)),
  // Issue 12 (sidebar truth): additive entries.
  getSheetContext: (sheetName) => guard(() => sheetContext(String(sheetName))),
  showSheet: (sheetName) => guard(() => {
    findSheet(String(sheetName)).activate();
    return null;
  }),
  applyFixesUndoable: (input) => guard(() => applyFixesUndoable(input)),
  undoFixes: (sheetName) => guard(() => undoFixes(String(sheetName))),
  exportProblems: (sheetName) => guard(() => exportProblems(String(sheetName))),
  copyBlockedRows: (sheetName) => guard(() => copyBlockedRows(String(sheetName))),
  sendTestNotification: () => guard(() => sendTestNotification(SpreadsheetApp.getActiveSpreadsheet().getUrl())),
};

/** Dropdowns of a new template list the organisation's workflows when Upflow answers; else none. */
function safeOrganisation() {
  try {
    return fetchOrganisation(interactiveClient());
  } catch {
    return null;
  }
}
