import * as z from './zod';

export const sourceSystemSchema = z.enum(['API', 'NATIVE_ACCOUNTING', 'SALESFORCE_NATIVE', 'SALESFORCE_API']);
export type SourceSystem = z.infer<typeof sourceSystemSchema>;

export interface ImportRights {
  customerDetails: boolean;
  contacts: boolean;
  accountManagers: boolean;
  /** Not in Upflow's table: Salesforce syncs only the account owner, so workflows stay assignable (docs/upflow-api.md). */
  workflows: boolean;
}

/** The source-system table of docs/upflow-api.md: what an import may change. */
export const IMPORT_RIGHTS: Record<SourceSystem, ImportRights> = {
  API: { customerDetails: true, contacts: true, accountManagers: true, workflows: true },
  NATIVE_ACCOUNTING: { customerDetails: false, contacts: false, accountManagers: true, workflows: true },
  SALESFORCE_NATIVE: { customerDetails: false, contacts: false, accountManagers: false, workflows: true },
  SALESFORCE_API: { customerDetails: true, contacts: false, accountManagers: false, workflows: true },
};

export const SOURCE_SYSTEM_LABELS: Record<SourceSystem, string> = {
  API: 'API (or none)',
  NATIVE_ACCOUNTING: 'Native accounting integration',
  SALESFORCE_NATIVE: 'Salesforce + native integration',
  SALESFORCE_API: 'Salesforce + API',
};
