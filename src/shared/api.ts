/**
 * The shapes that cross google.script.run between the sidebar and the server functions of
 * src/server/api.ts. Only what survives the round trip is used (src/shared/wire.ts): strings,
 * numbers, booleans, null, plain objects and arrays (no Dates, no undefined, no class instances).
 * What the sidebar sends is a schema, parsed at the edge (src/server/endpoint.ts); what it
 * receives is a type, built by the server.
 */
import * as z from '../engine/zod';
import { fieldIdSchema, type FieldId, type Section } from '../engine/fields';
import { templateIdSchema, type TemplateId } from '../engine/templates';
import type { Problem, Severity } from '../engine/problem';
import { SOURCE_SYSTEMS, type SourceSystem } from '../engine/source-system';
import { ENVIRONMENTS } from '../engine/environments';
import type { Preview } from '../engine/run/preview';
import type { Tally } from '../engine/run/tally';

export interface AppError {
  code: string;
  message: string;
}
/** Every server function answers a value or an error written for a sales person; it never throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const viewSchema = z.enum(['import', 'history', 'settings', 'csv', 'templates']);
export type View = z.infer<typeof viewSchema>;

export const environmentSchema = z.enum(ENVIRONMENTS);
export type Environment = z.infer<typeof environmentSchema>;

export const sourceSystemSchema = z.enum(SOURCE_SYSTEMS);

// --- What the sidebar sends ---

/** Secrets are write-only: an empty string keeps the stored value, `clear...` removes it. */
export const settingsInputSchema = z.deferred(() =>
  z.object({
    environment: environmentSchema,
    apiBaseUrl: z.string().check(z.maxLength(300)),
    apiKey: z.string().check(z.maxLength(300)),
    apiSecret: z.string().check(z.maxLength(300)),
    clearCredentials: z.boolean(),
    sourceSystem: sourceSystemSchema,
    defaultCountry: z.string().check(z.length(2)),
    notifyEmail: z.boolean(),
    notifyEmailAddress: z.string().check(z.maxLength(254)),
    notifySlack: z.boolean(),
    slackWebhookUrl: z.string().check(z.maxLength(500)),
    clearSlackWebhook: z.boolean(),
  }),
);
export type SettingsInput = z.infer<typeof settingsInputSchema>;

export const mappingInputSchema = z.deferred(() =>
  z.object({
    sheetName: z.string(),
    template: templateIdSchema,
    columns: z.array(z.object({ column: z.string(), field: z.nullable(fieldIdSchema) })),
  }),
);
export type MappingInput = z.infer<typeof mappingInputSchema>;

export const fixInputSchema = z.deferred(() =>
  z.object({
    sheetName: z.string(),
    /** One cell, or null to apply every safe suggestion (optionally only those with `code`). */
    cell: z.nullable(z.string()),
    code: z.nullable(z.string()),
  }),
);
export type FixInput = z.infer<typeof fixInputSchema>;

export const startImportInputSchema = z.deferred(() => z.object({ sheetName: z.string(), onlyFailed: z.boolean() }));
export type StartImportInput = z.infer<typeof startImportInputSchema>;

/** Upflow's customers brought into a new sheet (src/server/pull-sheet.ts). */
export const pullInputSchema = z.deferred(() => z.object({ onlyMine: z.boolean() }));

// --- What the sidebar receives ---

export interface SettingsView {
  environment: Environment;
  apiBaseUrl: string;
  hasApiKey: boolean;
  hasApiSecret: boolean;
  sourceSystem: SourceSystem;
  defaultCountry: string;
  notifyEmail: boolean;
  notifyEmailAddress: string;
  notifySlack: boolean;
  hasSlackWebhook: boolean;
}

export interface FieldView {
  id: FieldId;
  label: string;
  help: string;
  section: Section;
}

export interface TemplateView {
  id: TemplateId;
  label: string;
  description: string;
  fields: FieldId[];
  required: FieldId[];
}

export interface SheetSummary {
  name: string;
  lastRow: number;
  active: boolean;
}

export interface ColumnView {
  index: number;
  column: string;
  header: string;
  field: FieldId | null;
  how: 'saved' | 'label' | 'alias' | 'fuzzy' | 'none';
  confidence: number;
  suggestion: FieldId | null;
}

export interface MappingView {
  sheetName: string;
  headerRow: number;
  dataRows: number;
  template: TemplateId;
  templateInferred: boolean;
  columns: ColumnView[];
  missingRequired: FieldId[];
  conflicts: Array<{ field: FieldId; columns: string[] }>;
}

/** A problem as the sidebar lists it: no optional fields cross google.script.run. */
export type ProblemView = Omit<Problem, 'suggestion'> & { suggestion: string | null };

export interface CheckView {
  sheetName: string;
  checkedAt: string;
  rows: number;
  blankRows: number;
  errors: number;
  warnings: number;
  blockedRows: number;
  readyRows: number;
  /** The first problems in sheet order; `truncated` says more exist (all are marked on the sheet). */
  problems: ProblemView[];
  truncated: boolean;
  byCode: Array<{ code: string; title: string; severity: Severity; count: number; fixable: number }>;
  fixable: number;
  /** Things the user should know about this check, e.g. that Upflow could not be reached. */
  notices: string[];
}

export const historyStatusSchema = z.enum(['running', 'success', 'partial', 'failed', 'cancelled']);
/** One line of the import history; read back from its hidden sheet with this schema (src/server/history.ts). */
export const historyEntrySchema = z.deferred(() =>
  z.object({
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
  }),
);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const jobStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export type JobState = z.infer<typeof jobStateSchema>;
/** An import as the sidebar follows it: its counts (src/engine/run/tally.ts) and where it stands. */
export interface JobView extends Tally {
  id: string;
  sheetName: string;
  state: JobState;
  mode: 'import' | 'assign';
  /** Results whose line was edited or deleted while they were being sent: written nowhere. */
  unplaced: number;
  startedAt: string;
  /** When a step of this import last ran (ISO): an old one means no sidebar is driving it. */
  lastChunkAt: string;
  ratePerMinute: number;
  secondsLeft: number | null;
  message: string;
}

/** What an import of the sheet would change (src/engine/run/preview.ts). */
export interface PreviewView extends Preview {
  sheetName: string;
}

export interface SidebarState {
  initialView: View;
  user: string;
  sheets: SheetSummary[];
  activeSheet: string;
  templates: TemplateView[];
  fields: FieldView[];
  settings: SettingsView;
  job: JobView | null;
}

export interface ConnectionView {
  members: number;
  accountManagers: number;
  /** Every position the members list gave, with how many members hold it (Upflow's names for them are [open]). */
  positions: Array<{ position: string; members: number }>;
  workflows: number;
}

export interface SheetStatus {
  /** When the user last edited this sheet after a check (ISO time), or null. */
  editedAt: string | null;
}

/** What the sidebar polls to follow the sheet on screen. */
export interface SheetContext {
  /** The sheet on screen, or '' when it is one the add-on keeps for itself. */
  activeSheet: string;
  sheets: SheetSummary[];
  /** When the user last edited the asked sheet after a check (ISO time), or null. */
  editedAt: string | null;
}

export interface FixBatchView {
  check: CheckView;
  /** Cells the next undo would put back (0: too many to keep, nothing to undo). */
  undoable: number;
}
export interface UndoFixesView {
  check: CheckView;
  restored: number;
}

/** A copy to a new sheet. */
export interface CopyView {
  sheetName: string;
  /** Problems or lines copied. */
  count: number;
}

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
export interface PullView {
  id: string;
  sheetName: string;
  state: JobState;
  customers: number;
  lines: number;
  read: number;
  total: number | null;
  message: string;
}

/** What a test notification reached: the address emailed (null: none), whether Slack got it, and what failed. */
export interface NotificationTestView {
  email: string | null;
  slack: boolean;
  problems: string[];
}

/** A CSV file put in a new sheet, with what its reading found wrong (line numbers of the file). */
export interface CsvImportView {
  sheetName: string;
  /** Lines under the header. */
  rows: number;
}
