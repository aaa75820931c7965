import type { FieldId } from '../../../src/engine/fields';
import type { RowRecord } from '../../../src/engine/sheet-input';
import { buildImportPlan, type CustomerJob, type ImportJob, type PayloadOptions } from '../../../src/engine/payloads';
import type { DunningPlan, Member } from '../../../src/engine/upflow/schemas';

export const line = (row: number, values: Partial<Record<FieldId, string>>, blocked = false): RowRecord => ({ row, values, blocked });

export const MEMBERS: Member[] = [
  { id: 'm-camille', email: 'Camille.Dubois@example.com', firstName: 'Camille', lastName: 'Dubois', position: 'ACCOUNT_MANAGER' },
  { id: 'm-john', email: 'john.smith@example.com', firstName: 'John', lastName: 'Smith', position: 'ACCOUNT_MANAGER' },
  { id: 'm-fin', email: 'finance@example.com', position: 'FINANCE_USER' },
];
export const WORKFLOWS: DunningPlan[] = [
  { id: 'wf-standard', name: 'Standard' },
  { id: 'wf-key', name: 'Key accounts' },
];

export const plan = (records: RowRecord[], options: Partial<PayloadOptions> = {}) =>
  buildImportPlan(records, { template: 'all', sourceSystem: 'API', members: MEMBERS, workflows: WORKFLOWS, ...options });

export function jobOf(jobs: CustomerJob[], key: string): CustomerJob {
  const job = jobs.find((j) => j.key === key);
  if (!job) throw new Error(`no job ${key} in ${jobs.map((j) => j.key).join(', ')}`);
  return job;
}

export function importJob(jobs: CustomerJob[], key: string): ImportJob {
  const job = jobOf(jobs, key);
  if (job.mode !== 'import') throw new Error(`job ${key} is ${job.mode}`);
  return job;
}

export const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);
