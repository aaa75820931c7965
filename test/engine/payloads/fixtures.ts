import type { FieldId } from '../../../src/engine/fields';
import type { RowRecord } from '../../../src/engine/sheet-input';
import { buildImportPlan, type CustomerRequest, type ImportRequest, type PayloadOptions } from '../../../src/engine/payloads';
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

export function requestOf(requests: CustomerRequest[], key: string): CustomerRequest {
  const request = requests.find((j) => j.key === key);
  if (!request) throw new Error(`no request ${key} in ${requests.map((j) => j.key).join(', ')}`);
  return request;
}

export function importRequest(requests: CustomerRequest[], key: string): ImportRequest {
  const request = requestOf(requests, key);
  if (request.mode !== 'import') throw new Error(`request ${key} is ${request.mode}`);
  return request;
}

export const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);
