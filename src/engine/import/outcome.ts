import * as z from '../zod';

export const outcomeKindSchema = z.enum(['created', 'updated', 'unchanged', 'failed', 'skipped']);
export type OutcomeKind = z.infer<typeof outcomeKindSchema>;

/** What happened to one customer of the sheet (and so to each of its rows). */
export interface RequestOutcome {
  key: string;
  rows: number[];
  outcome: OutcomeKind;
  /** Upflow's reason when it failed, with what to do; empty otherwise. */
  message: string;
  upflowId: string | null;
  directUrl: string | null;
}
