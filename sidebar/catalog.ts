import type { FieldView, TemplateView } from '../src/shared/api';
import type { FieldId } from '../src/engine/fields';
import type { SourceSystem } from '../src/engine/source-system';
import { state } from './state';

export const fieldView = (id: string): FieldView | undefined => state.app?.fields.find((f) => f.id === id);
export const fieldLabel = (id: string): string => fieldView(id)?.label ?? id;

export const templateView = (id: string): TemplateView | undefined => state.app?.templates.find((t) => t.id === id);
export const templateLabel = (id: string): string => templateView(id)?.label ?? id;

export const isRequired = (template: TemplateView | undefined, id: FieldId): boolean => !!template?.required.includes(id);

/** Labels mirror SOURCE_SYSTEM_LABELS; copied so the sidebar bundle does not pull in zod. */
export const SOURCE_SYSTEMS: ReadonlyArray<{ id: SourceSystem; label: string; allows: string }> = [
  { id: 'API', label: 'API (or none)', allows: 'Imports create and update customers, contacts, account managers and workflows.' },
  { id: 'NATIVE_ACCOUNTING', label: 'Native accounting integration', allows: 'Customers and contacts come from your accounting: imports assign account managers and workflows.' },
  {
    id: 'SALESFORCE_NATIVE',
    label: 'Salesforce + native integration',
    allows: 'Salesforce and your accounting own customers, contacts and account managers: imports assign workflows only.',
  },
  { id: 'SALESFORCE_API', label: 'Salesforce + API', allows: 'Imports update customer details and workflows; contacts and account managers come from Salesforce.' },
];

export const COUNTRIES: ReadonlyArray<[code: string, name: string]> = [
  ['FR', 'France'],
  ['BE', 'Belgium'],
  ['CH', 'Switzerland'],
  ['LU', 'Luxembourg'],
  ['DE', 'Germany'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['PT', 'Portugal'],
  ['US', 'United States'],
  ['CA', 'Canada'],
];

export const ENVIRONMENTS = [
  { id: 'production', label: 'Production', url: 'https://api.upflow.io/v1' },
  { id: 'sandbox', label: 'Upflow sandbox', url: 'https://api.sandbox.upflow.io/v1' },
  { id: 'custom', label: 'Local playground only', url: 'A sandbox on this computer (npm start); not reachable once deployed' },
] as const;
