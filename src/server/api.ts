import * as z from '../engine/zod';
import { templateIdSchema } from '../engine/templates';
import { fixInputSchema, mappingInputSchema, pullInputSchema, settingsInputSchema, startImportInputSchema } from '../shared/api';
import { testConnection } from './connection';
import { copyFailedRows } from './copy-failed';
import { importCsvLines } from './csv-import';
import { endpoint, REQUEST_INVALID, type ServerFunction } from './endpoint';
import { applyFixes } from './fixes';
import { applyFixesUndoable, undoFixes } from './fix-undo';
import { readHistory } from './history';
import { cancelImport, continueImport, startImport } from './import-run';
import { previewImport } from './import-plan';
import { getMapping, updateMapping } from './mapping-service';
import { jumpToCell, showSheet } from './navigation';
import { sendTestNotification } from './notify';
import { copyBlockedRows, exportProblems } from './problem-export';
import { cancelPull, continuePull, startPull } from './pull-job';
import { refreshPulledSheet } from './refresh-sheet';
import { readSettings, saveSettings } from './settings';
import { sheetContext, sheetStatus } from './sheet-context';
import { sidebarState } from './sidebar';
import { insertTemplate } from './template-sheet';
import { checkAndMark } from './check-service';

const sheetName = z.string();
const jobId = z.string();
/** A cell as the problem list names it ("E12"). */
const cell = z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/));

const FIX_INVALID = { code: 'FIX_INVALID', message: 'This fix could not be applied. Check the sheet again and retry.' };
const TEMPLATE_UNKNOWN = { code: 'TEMPLATE_UNKNOWN', message: 'Pick one of the four templates.' };

/**
 * Every function the sidebar calls through google.script.run: its arguments' schemas, checked at
 * the edge before the service sees them (src/server/endpoint.ts), and the service that answers.
 * The Apps Script entry points (src/server/main.ts, build.mjs) and the sidebar's types
 * (sidebar/rpc.ts) come from this table; a new server function is one entry here.
 */
export const serverFunctions = {
  getSidebarState: endpoint({ input: [], run: sidebarState }),
  getMapping: endpoint({ input: [sheetName, z.nullable(templateIdSchema)], invalid: [REQUEST_INVALID, TEMPLATE_UNKNOWN], run: getMapping }),
  saveMapping: endpoint({
    input: [mappingInputSchema],
    invalid: { code: 'MAPPING_INVALID', message: 'This mapping could not be saved. Reload the sidebar and try again.' },
    run: updateMapping,
  }),
  checkSheet: endpoint({ input: [sheetName], run: checkAndMark }),
  getSheetStatus: endpoint({ input: [sheetName], run: sheetStatus }),
  jumpToCell: endpoint({
    input: [sheetName, cell],
    invalid: [REQUEST_INVALID, { code: 'CELL_INVALID', message: 'This is not a cell of the sheet. Check the sheet again, then pick the problem in the list.' }],
    run: jumpToCell,
  }),
  applyFixes: endpoint({ input: [fixInputSchema], invalid: FIX_INVALID, run: applyFixes }),
  /** applyFixes, keeping what it replaces; the same `batch` id adds to the batch kept. */
  applyFixesUndoable: endpoint({
    input: [z.object({ fix: fixInputSchema, batch: z.string().check(z.minLength(1), z.maxLength(64)) })],
    invalid: FIX_INVALID,
    run: applyFixesUndoable,
  }),
  undoFixes: endpoint({ input: [sheetName], run: undoFixes }),
  insertTemplate: endpoint({ input: [templateIdSchema], invalid: TEMPLATE_UNKNOWN, run: insertTemplate }),
  /** The lines of a CSV file the sidebar has read (src/engine/csv-file.ts), into a new sheet. */
  importCsv: endpoint({
    input: [z.string().check(z.maxLength(500)), z.array(z.array(z.string()))],
    invalid: { code: 'CSV_NOT_TEXT', message: 'The file did not arrive as lines of text. Reload the sidebar and choose the file again.' },
    run: importCsvLines,
  }),
  pullCustomers: endpoint({
    input: [pullInputSchema],
    invalid: { code: 'PULL_INVALID', message: 'This request is not valid. Reload the sidebar and try again.' },
    run: (input) => startPull(input.onlyMine),
  }),
  continuePull: endpoint({ input: [jobId], run: continuePull }),
  cancelPull: endpoint({ input: [jobId], run: cancelPull }),
  /** Brings Upflow's current values into a pulled sheet, keeping the user's edits and columns. */
  refreshPulled: endpoint({ input: [sheetName], run: refreshPulledSheet }),
  getHistory: endpoint({ input: [], run: () => readHistory() }),
  getSettings: endpoint({ input: [], run: readSettings }),
  saveSettings: endpoint({
    input: [settingsInputSchema],
    invalid: { code: 'SETTINGS_INVALID', message: 'Some settings are not valid. Check the fields and save again.' },
    run: saveSettings,
  }),
  testConnection: endpoint({ input: [], run: testConnection }),
  /** Sends the notifications chosen in the saved Settings now (email, Slack). */
  sendTestNotification: endpoint({ input: [], run: sendTestNotification }),
  previewImport: endpoint({ input: [sheetName], run: previewImport }),
  startImport: endpoint({
    input: [startImportInputSchema],
    invalid: { code: 'IMPORT_INVALID', message: 'This import request is not valid. Reload the sidebar and try again.' },
    run: startImport,
  }),
  continueImport: endpoint({ input: [jobId], run: continueImport }),
  cancelImport: endpoint({ input: [jobId], run: cancelImport }),
  copyFailedRows: endpoint({ input: [sheetName], run: copyFailedRows }),
  getSheetContext: endpoint({ input: [sheetName], run: sheetContext }),
  /** Puts the sheet picked in the sidebar on screen, so both always show the same sheet. */
  showSheet: endpoint({ input: [sheetName], run: showSheet }),
  /** Every problem of the sheet, beyond those the sidebar lists, in a new sheet. */
  exportProblems: endpoint({ input: [sheetName], run: exportProblems }),
  /** The lines the check blocks, to fix apart before any import. */
  copyBlockedRows: endpoint({ input: [sheetName], run: copyBlockedRows }),
} satisfies Record<string, ServerFunction>;

/** The functions the sidebar may call, as it calls them. */
export type ServerFunctions = typeof serverFunctions;
export type ServerFunctionName = keyof ServerFunctions;
