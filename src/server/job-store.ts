import * as z from '../engine/zod';
import { jobStateSchema } from '../shared/api';

/** The running import, in document properties so any execution (and any user) sees it. */
export const jobSchema = z.object({
  id: z.string(),
  sheetName: z.string(),
  sheetId: z.number(),
  user: z.string(),
  template: z.string(),
  mode: z.enum(['import', 'assign']),
  onlyFailed: z.boolean(),
  startedAt: z.string(),
  /** Written on every result of this import ("import #12"): the cursor of src/engine/import/result-cell.ts. */
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
  lastChunkAt: z.number(),
});
export type Job = z.infer<typeof jobSchema>;

const JOB_KEY = 'upflow.job';
const CANCEL_KEY = 'upflow.job.cancel';
const PACER_KEY = 'upflow.job.pacer';
const NUMBER_KEY = 'upflow.import.number';
const CREATING_KEY = 'upflow.job.creating';

const props = () => PropertiesService.getDocumentProperties();

export function loadJob(): Job | null {
  const raw = props().getProperty(JOB_KEY);
  if (!raw) return null;
  try {
    const parsed = jobSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveJob(job: Job): void {
  props().setProperty(JOB_KEY, JSON.stringify(job));
}

/** Cancel is a flag apart from the job, so it lands even while a chunk holds the lock. */
export function requestCancel(id: string): void {
  props().setProperty(CANCEL_KEY, id);
}
export const cancelRequested = (id: string): boolean => props().getProperty(CANCEL_KEY) === id;
export function clearCancel(): void {
  props().deleteProperty(CANCEL_KEY);
}

/** Send times of the last minute, as offsets from the first, to stay under 9 KB for 600 of them. */
export function savePacer(times: readonly number[]): void {
  const base = times[0] ?? 0;
  props().setProperty(PACER_KEY, [base, ...times.map((t) => t - base)].join(','));
}

export function loadPacer(): number[] {
  const raw = props().getProperty(PACER_KEY);
  if (!raw) return [];
  const [base = 0, ...offsets] = raw.split(',').map(Number);
  return offsets.map((o) => base + o);
}

/** The next import's number, from a counter kept with the document (call under the document lock). */
export function nextImportNumber(): number {
  const next = (Number(props().getProperty(NUMBER_KEY)) || 0) + 1;
  props().setProperty(NUMBER_KEY, String(next));
  return next;
}

/**
 * Keys of the customers this chunk is creating, written before each round that creates some and
 * cleared once their results are in the sheet. Found at the start of a chunk, it tells that the
 * previous execution was stopped: those customers, if Upflow holds them now, were created by it.
 */
export function noteCreating(keys: readonly string[]): void {
  const known = loadCreating();
  for (const key of keys) known.add(key);
  props().setProperty(CREATING_KEY, JSON.stringify([...known]));
}

export function loadCreating(): Set<string> {
  try {
    const parsed = z.array(z.string()).safeParse(JSON.parse(props().getProperty(CREATING_KEY) ?? '[]'));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

export function clearCreating(): void {
  props().deleteProperty(CREATING_KEY);
}
