import * as z from '../../engine/zod';
import { savedMappingSchema } from '../../engine/mapping';
import { templateIdSchema } from '../../engine/templates';
import { dunningPlanSchema, memberSchema } from '../../engine/upflow/schemas';
import { environmentSchema, jobStateSchema, sourceSystemSchema, viewSchema } from '../../shared/api';
import { count, flag, json, numbers, text, times, type Codec } from './codecs';

/**
 * Where a value lives. User properties: this user's, in every document (the only place for
 * secrets). Document properties: this spreadsheet's, for every user. The caches forget on their
 * own; Apps Script keeps a cache value 6 hours at most and 100 KB at most.
 */
export type Place = 'userProperties' | 'documentProperties' | 'userCache' | 'documentCache';

export interface Key<T> {
  place: Place;
  name: string;
  codec: Codec<T>;
  /** For a cache: how long it keeps the value. */
  seconds?: number;
}

const key = <T>(place: Place, name: string, codec: Codec<T>, seconds?: number): Key<T> => ({ place, name, codec, ...(seconds ? { seconds } : {}) });

/** The running import. */
export const runningImportSchema = z.deferred(() =>
  z.object({
    id: z.string(),
    sheetName: z.string(),
    sheetId: z.number(),
    user: z.string(),
    template: z.string(),
    mode: z.enum(['import', 'assign']),
    onlyFailed: z.boolean(),
    startedAt: z.string(),
    /** Written on every result of this import ("import #12"): the cursor of src/engine/run/result-text.ts. */
    importNumber: z.int().check(z.positive()),
    state: jobStateSchema,
    totalCustomers: z.number(),
    totalRows: z.number(),
    doneCustomers: z.number(),
    doneRows: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    failed: z.number(),
    skipped: z.number(),
    /** Results whose line was edited or deleted while they were on their way: written nowhere. */
    unplaced: z.number(),
    message: z.string(),
    /** When its last step ran. Named before the word "step": a stored field keeps its name, or an import running across a deploy would read as none. */
    lastChunkAt: z.number(),
  }),
);
export type RunningImport = z.infer<typeof runningImportSchema>;

/** The running pull of Upflow's customers into a sheet (src/server/pull-job.ts). */
export const pullSchema = z.deferred(() =>
  z.object({
    id: z.string(),
    sheetId: z.number(),
    sheetName: z.string(),
    /** Only the customers this member (by email) manages; null: every customer. */
    manager: z.nullable(z.string()),
    offset: z.int().check(z.nonnegative()),
    total: z.nullable(z.int().check(z.nonnegative())),
    done: z.boolean(),
    customers: z.number(),
    lines: z.number(),
    state: jobStateSchema,
    message: z.string(),
    lastChunkAt: z.number(),
  }),
);
export type Pull = z.infer<typeof pullSchema>;

/** A sheet's template and the field the user chose for each header (by its normalised text). */
export const storedMappingSchema = z.deferred(() => z.object({ template: templateIdSchema, saved: savedMappingSchema }));
export type StoredMapping = z.infer<typeof storedMappingSchema>;

/** What the last batch of fixes replaced: each cell's value and number format (1-based rows and columns). */
export const fixUndoSchema = z.deferred(() =>
  z.object({
    batch: z.string(),
    cells: z.array(z.object({ row: z.number(), column: z.number(), value: z.union([z.string(), z.number(), z.boolean()]), format: z.string() })),
  }),
);
export type FixUndo = z.infer<typeof fixUndoSchema>;

/** What the add-on needs of the organisation: who can manage accounts, which workflows exist. */
export const organisationSchema = z.deferred(() => z.object({ members: z.array(memberSchema), workflows: z.array(dunningPlanSchema) }));
export type Organisation = z.infer<typeof organisationSchema>;

/** The user's settings, read and written together (src/server/settings.ts). Secrets live here only. */
export const SETTINGS = {
  environment: key('userProperties', 'upflow.environment', text(environmentSchema)),
  apiBaseUrl: key('userProperties', 'upflow.apiBaseUrl', text(z.string())),
  apiKey: key('userProperties', 'upflow.apiKey', text(z.string())),
  apiSecret: key('userProperties', 'upflow.apiSecret', text(z.string())),
  sourceSystem: key('userProperties', 'upflow.sourceSystem', text(sourceSystemSchema)),
  defaultCountry: key('userProperties', 'upflow.defaultCountry', text(z.string())),
  notifyEmail: key('userProperties', 'upflow.notifyEmail', flag),
  notifyEmailAddress: key('userProperties', 'upflow.notifyEmailAddress', text(z.string())),
  notifySlack: key('userProperties', 'upflow.notifySlack', flag),
  slackWebhookUrl: key('userProperties', 'upflow.slackWebhookUrl', text(z.string())),
};

/** Every key the add-on keeps, besides the settings above. */
export const KEYS = {
  /** The running import, where any execution of any user sees it (src/server/import-store.ts). */
  runningImport: key('documentProperties', 'upflow.job', json(runningImportSchema)),
  /** The id of an import asked to stop: apart from the import, so it lands while a step holds the lock. */
  cancelledImport: key('documentProperties', 'upflow.job.cancel', text(z.string())),
  /** Send times of the last minute, to stay under Upflow's rate limit across executions. */
  pacer: key('documentProperties', 'upflow.job.pacer', times),
  /** The last import's number. */
  importNumber: key('documentProperties', 'upflow.import.number', count),
  /** Keys of the customers a step is creating, until their results are in the sheet. */
  creating: key('documentProperties', 'upflow.job.creating', json(z.array(z.string()))),
  /** Lines an import of failed lines re-sends: those whose result said failed at its start. */
  failedAtStart: (importId: string) => key('documentCache', `upflow.job.${importId}.failed`, numbers, 6 * 60 * 60),
  /** The running pull, where any execution resumes it where the last one saved it. */
  runningPull: key('documentProperties', 'upflow.pull', json(pullSchema)),
  /** The id of a pull asked to stop: apart from the pull, so it lands while a step holds the lock. */
  cancelledPull: key('documentProperties', 'upflow.pull.cancel', text(z.string())),
  /** Per sheet, by the sheet's id so a renamed sheet keeps it: the template and the user's column choices. */
  mapping: (sheetId: number) => key('documentProperties', `upflow.mapping.${sheetId}`, json(storedMappingSchema)),
  /** Per sheet: present once the user has checked it, so only its edits are checked as they type. */
  checked: (sheetId: number) => key('documentProperties', `upflow.checked.${sheetId}`, text(z.string())),
  /** Per sheet: when the user last edited it (ISO time). */
  editedAt: (sheetId: number) => key('documentProperties', `upflow.editedAt.${sheetId}`, text(z.string())),
  /** Per sheet: what the last batch of one-click fixes replaced, for as long as a cache keeps anything. */
  fixUndo: (sheetId: number) => key('userCache', `upflow.fixUndo.${sheetId}`, json(fixUndoSchema), 6 * 60 * 60),
  /** The view a menu item opens the sidebar on, until the sidebar asks. */
  sidebarView: key('userCache', 'upflow.sidebarView', text(viewSchema), 60),
  /**
   * The organisation's members and workflows: they change rarely, ten minutes spares Upflow two
   * calls per check. Kept in parts (src/server/store/store.ts) as it passes 100 KB near 650 members.
   */
  organisation: key('userCache', 'upflow.organisation', json(organisationSchema), 600),
};
