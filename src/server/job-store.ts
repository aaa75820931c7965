import { z } from 'zod';
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
  /** Written on every result of this import; results stamped before it belong to older imports. */
  stamp: z.string(),
  state: jobStateSchema,
  resultColumn: z.number(),
  totalCustomers: z.number(),
  totalRows: z.number(),
  doneCustomers: z.number(),
  doneRows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  skipped: z.number(),
  message: z.string(),
  lastChunkAt: z.number(),
});
export type Job = z.infer<typeof jobSchema>;

const JOB_KEY = 'upflow.job';
const CANCEL_KEY = 'upflow.job.cancel';
const PACER_KEY = 'upflow.job.pacer';

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
