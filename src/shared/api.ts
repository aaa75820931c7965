/**
 * The one table of functions the sidebar calls through google.script.run, with the shapes that
 * cross that bridge. Only what survives the round trip is used: strings, numbers, booleans, null,
 * plain objects and arrays (no Dates, no undefined, no class instances).
 */
import { z } from 'zod';
import { fieldIdSchema, sectionSchema } from '../engine/fields';
import { templateIdSchema } from '../engine/templates';
import { problemSchema, severitySchema } from '../engine/problem';
import { sourceSystemSchema } from '../engine/source-system';

export const errorSchema = z.object({ code: z.string(), message: z.string() });
export type AppError = z.infer<typeof errorSchema>;
/** Every server function answers a value or an error written for a sales person; it never throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const viewSchema = z.enum(['import', 'history', 'settings', 'csv', 'templates']);
export type View = z.infer<typeof viewSchema>;

export const environmentSchema = z.enum(['production', 'sandbox', 'custom']);

export const settingsViewSchema = z.object({
  environment: environmentSchema,
  apiBaseUrl: z.string(),
  hasApiKey: z.boolean(),
  hasApiSecret: z.boolean(),
  sourceSystem: sourceSystemSchema,
  defaultCountry: z.string(),
  notifyEmail: z.boolean(),
  notifyEmailAddress: z.string(),
  notifySlack: z.boolean(),
  hasSlackWebhook: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Secrets are write-only: an empty string keeps the stored value, `clear...` removes it. */
export const settingsInputSchema = z.object({
  environment: environmentSchema,
  apiBaseUrl: z.string().max(300),
  apiKey: z.string().max(300),
  apiSecret: z.string().max(300),
  clearCredentials: z.boolean(),
  sourceSystem: sourceSystemSchema,
  defaultCountry: z.string().length(2),
  notifyEmail: z.boolean(),
  notifyEmailAddress: z.string().max(254),
  notifySlack: z.boolean(),
  slackWebhookUrl: z.string().max(500),
  clearSlackWebhook: z.boolean(),
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;

export const fieldViewSchema = z.object({
  id: fieldIdSchema,
  label: z.string(),
  help: z.string(),
  section: sectionSchema,
});
export type FieldView = z.infer<typeof fieldViewSchema>;

export const templateViewSchema = z.object({
  id: templateIdSchema,
  label: z.string(),
  description: z.string(),
  fields: z.array(fieldIdSchema),
  required: z.array(fieldIdSchema),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

export const sheetSummarySchema = z.object({ name: z.string(), lastRow: z.number(), active: z.boolean() });

export const columnViewSchema = z.object({
  index: z.number(),
  column: z.string(),
  header: z.string(),
  field: fieldIdSchema.nullable(),
  how: z.enum(['saved', 'label', 'alias', 'fuzzy', 'none']),
  confidence: z.number(),
  suggestion: fieldIdSchema.nullable(),
});
export type ColumnView = z.infer<typeof columnViewSchema>;

export const mappingViewSchema = z.object({
  sheetName: z.string(),
  headerRow: z.number(),
  dataRows: z.number(),
  template: templateIdSchema,
  templateInferred: z.boolean(),
  columns: z.array(columnViewSchema),
  missingRequired: z.array(fieldIdSchema),
  conflicts: z.array(z.object({ field: fieldIdSchema, columns: z.array(z.string()) })),
});
export type MappingView = z.infer<typeof mappingViewSchema>;

export const mappingInputSchema = z.object({
  sheetName: z.string(),
  template: templateIdSchema,
  columns: z.array(z.object({ column: z.string(), field: fieldIdSchema.nullable() })),
});
export type MappingInput = z.infer<typeof mappingInputSchema>;

/** A problem as the sidebar lists it: no optional fields cross google.script.run. */
export const problemViewSchema = problemSchema.extend({ suggestion: z.string().nullable() });
export type ProblemView = z.infer<typeof problemViewSchema>;

export const validationViewSchema = z.object({
  sheetName: z.string(),
  checkedAt: z.string(),
  rows: z.number(),
  blankRows: z.number(),
  errors: z.number(),
  warnings: z.number(),
  blockedRows: z.number(),
  readyRows: z.number(),
  /** The first problems in sheet order; `truncated` says more exist (all are marked on the sheet). */
  problems: z.array(problemViewSchema),
  truncated: z.boolean(),
  byCode: z.array(z.object({ code: z.string(), title: z.string(), severity: severitySchema, count: z.number(), fixable: z.number() })),
  fixable: z.number(),
  /** Things the user should know about this check, e.g. that Upflow could not be reached. */
  notices: z.array(z.string()),
});
export type ValidationView = z.infer<typeof validationViewSchema>;

export const fixInputSchema = z.object({
  sheetName: z.string(),
  /** One cell, or null to apply every safe suggestion (optionally only those with `code`). */
  cell: z.string().nullable(),
  code: z.string().nullable(),
});
export type FixInput = z.infer<typeof fixInputSchema>;

export const historyStatusSchema = z.enum(['running', 'success', 'partial', 'failed', 'cancelled']);
export const historyEntrySchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  user: z.string(),
  sheet: z.string(),
  template: z.string(),
  mode: z.string(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  skipped: z.number(),
  status: historyStatusSchema,
  /** Where the rows that were sent can be found, e.g. "Customers!A1:T120, results in column U". */
  location: z.string(),
  message: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const jobStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export const jobViewSchema = z.object({
  id: z.string(),
  sheetName: z.string(),
  state: jobStateSchema,
  mode: z.enum(['import', 'assign']),
  totalCustomers: z.number(),
  doneCustomers: z.number(),
  totalRows: z.number(),
  doneRows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  /** Lines not imported for their errors (or because Upflow's list can't name their customer). */
  skipped: z.number(),
  /** Results whose line was edited or deleted while they were being sent: written nowhere. */
  unplaced: z.number(),
  startedAt: z.string(),
  /** When a step of this import last ran (ISO): an old one means no sidebar is driving it. */
  lastChunkAt: z.string(),
  ratePerMinute: z.number(),
  secondsLeft: z.number().nullable(),
  message: z.string(),
});
export type JobView = z.infer<typeof jobViewSchema>;

export const changeViewSchema = z.object({
  customer: z.string(),
  rows: z.array(z.number()),
  outcome: z.enum(['create', 'update', 'unchanged']),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string() })),
});
export const previewViewSchema = z.object({
  sheetName: z.string(),
  mode: z.enum(['import', 'assign']),
  customers: z.object({ create: z.number(), update: z.number(), unchanged: z.number() }),
  contacts: z.object({ create: z.number(), update: z.number(), unchanged: z.number() }),
  /** The first customers that would change, with their changed fields; `changesTotal` counts them all. */
  changes: z.array(changeViewSchema),
  changesTotal: z.number(),
  dropped: z.array(z.string()),
  /** What Upflow's list says about some lines: names it holds several times, look-alike names, IDs it does not hold. */
  notices: z.array(z.string()),
  blockedRows: z.number(),
  readyRows: z.number(),
});
export type PreviewView = z.infer<typeof previewViewSchema>;

export const startImportInputSchema = z.object({ sheetName: z.string(), onlyFailed: z.boolean() });
export type StartImportInput = z.infer<typeof startImportInputSchema>;

export const sidebarStateSchema = z.object({
  initialView: viewSchema,
  user: z.string(),
  sheets: z.array(sheetSummarySchema),
  activeSheet: z.string(),
  templates: z.array(templateViewSchema),
  fields: z.array(fieldViewSchema),
  settings: settingsViewSchema,
  job: jobViewSchema.nullable(),
});
export type SidebarState = z.infer<typeof sidebarStateSchema>;

export const connectionViewSchema = z.object({
  members: z.number(),
  accountManagers: z.number(),
  /** Every position the members list gave, with how many members hold it (Upflow's names for them are [open]). */
  positions: z.array(z.object({ position: z.string(), members: z.number() })),
  workflows: z.number(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const sheetStatusSchema = z.object({
  /** When the user last edited this sheet after a Validate (ISO time), or null. */
  editedAt: z.string().nullable(),
});
export type SheetStatus = z.infer<typeof sheetStatusSchema>;

// --- Sheet context (issue 12): what the sidebar polls to follow the sheet on screen. ---
export const sheetContextSchema = z.object({
  /** The sheet on screen, or '' when it is one the add-on keeps for itself. */
  activeSheet: z.string(),
  sheets: z.array(sheetSummarySchema),
  /** When the user last edited the asked sheet after a Check (ISO time), or null. */
  editedAt: z.string().nullable(),
});
export type SheetContext = z.infer<typeof sheetContextSchema>;
// --- end of sheet context ---

// --- Undo of fixes (issue 12) ---
export interface FixBatchView {
  validation: ValidationView;
  /** Cells the next undo would put back (0: too many to keep, nothing to undo). */
  undoable: number;
}
export interface UndoFixesView {
  validation: ValidationView;
  restored: number;
}
// --- end of undo of fixes ---

// --- Copies to a new sheet (issue 12) ---
export interface CopyView {
  sheetName: string;
  /** Problems or lines copied. */
  count: number;
}
// --- end of copies ---

/** Upflow's customers brought into a new sheet (src/server/pull-sheet.ts). */
export const pullInputSchema = z.object({ onlyMine: z.boolean() });
export type PullInput = z.infer<typeof pullInputSchema>;
/**
 * Refresh of a pulled sheet (src/server/refresh-sheet.ts): sheet rows changed in Upflow since the
 * pull, edited here and not sent, both (cells in conflict, the user's value kept), gone from Upflow.
 */
export interface RefreshView {
  sheetName: string;
  changedInUpflow: number[];
  changedCount: number;
  editedHere: number[];
  editedCount: number;
  conflicts: Array<{ cell: string; row: number; label: string; yours: string; upflow: string; pulled: string }>;
  conflictCount: number;
  goneFromUpflow: number[];
  added: number;
}

/** A pull split over several executions (src/server/pull-job.ts); `total`: customers Upflow lists, when it says. */
export interface PullView { id: string; sheetName: string; state: z.infer<typeof jobStateSchema>; customers: number; lines: number; read: number; total: number | null; message: string }

/** What a test notification reached: the address emailed (null: none), whether Slack got it, and what failed. */
export interface NotificationTestView {
  email: string | null;
  slack: boolean;
  problems: string[];
}

/** A CSV file put in a new sheet, with what its reading found wrong (line numbers of the file). */
export interface CsvImportView {
  sheetName: string;
  rows: number;
  delimiter: string;
  problems: Array<{ line: number; severity: 'error' | 'warning'; message: string }>;
}

/** The functions the sidebar may call; the server implements exactly this table. */
export interface ServerFunctions {
  pullCustomers(input: PullInput): Result<PullView>;
  continuePull(id: string): Result<PullView>;
  refreshPulled(sheetName: string): Result<RefreshView>;
  cancelPull(id: string): Result<PullView>;
  getSidebarState(): Result<SidebarState>;
  getMapping(sheetName: string, template: string | null): Result<MappingView>;
  saveMapping(input: MappingInput): Result<MappingView>;
  validateSheet(sheetName: string): Result<ValidationView>;
  getSheetStatus(sheetName: string): Result<SheetStatus>;
  jumpToCell(sheetName: string, cell: string): Result<null>;
  applyFixes(input: FixInput): Result<ValidationView>;
  insertTemplate(template: string): Result<{ sheetName: string }>;
  importCsv(fileName: string, text: string): Result<CsvImportView>;
  getHistory(): Result<HistoryEntry[]>;
  getSettings(): Result<SettingsView>;
  saveSettings(input: SettingsInput): Result<SettingsView>;
  testConnection(): Result<ConnectionView>;
  previewImport(sheetName: string): Result<PreviewView>;
  startImport(input: StartImportInput): Result<JobView>;
  continueImport(jobId: string): Result<JobView>;
  cancelImport(jobId: string): Result<JobView>;
  copyFailedRows(sheetName: string): Result<{ sheetName: string; rows: number }>;
  // Issue 12 (sidebar truth): additive entries.
  getSheetContext(sheetName: string): Result<SheetContext>;
  /** Puts the sheet picked in the sidebar on screen, so both always show the same sheet. */
  showSheet(sheetName: string): Result<null>;
  /** applyFixes, keeping what it replaces; the same `batch` id adds to the batch kept. */
  applyFixesUndoable(input: { fix: FixInput; batch: string }): Result<FixBatchView>;
  undoFixes(sheetName: string): Result<UndoFixesView>;
  /** Every problem of the sheet, beyond those the sidebar lists, in a new sheet. */
  exportProblems(sheetName: string): Result<CopyView>;
  /** The lines the check blocks, to fix apart before any import. */
  copyBlockedRows(sheetName: string): Result<CopyView>;
  /** Sends the notifications chosen in the saved Settings now (email, Slack). */
  sendTestNotification(): Result<NotificationTestView>;
}
export type ServerFunctionName = keyof ServerFunctions;
