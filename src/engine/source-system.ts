/**
 * Where an organisation's customers come from, and what that leaves an import to change. Plain
 * tables without zod: the sidebar reads them too, and its bundle carries no parser (the wire
 * schema is built from SOURCE_SYSTEMS in src/shared/api.ts).
 */
export const SOURCE_SYSTEMS = ['API', 'NATIVE_ACCOUNTING', 'SALESFORCE_NATIVE', 'SALESFORCE_API'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

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

/** IMPORT_RIGHTS in a sales person's words, shown under the choice in Settings. */
export const SOURCE_SYSTEM_ALLOWS: Record<SourceSystem, string> = {
  API: 'Imports create and update customers, contacts, account managers and workflows.',
  NATIVE_ACCOUNTING: 'Customers and contacts come from your accounting: imports assign account managers and workflows.',
  SALESFORCE_NATIVE: 'Salesforce and your accounting own customers, contacts and account managers: imports assign workflows only.',
  SALESFORCE_API: 'Imports update customer details and workflows; contacts and account managers come from Salesforce.',
};
