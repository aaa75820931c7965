import type { FieldView, TemplateView } from '../src/shared/api';
import type { FieldId } from '../src/engine/fields';
import { state } from './store';

export const fieldView = (id: string): FieldView | undefined => state.app?.fields.find((f) => f.id === id);
export const fieldLabel = (id: string): string => fieldView(id)?.label ?? id;

export const templateView = (id: string): TemplateView | undefined => state.app?.templates.find((t) => t.id === id);
export const templateLabel = (id: string): string => templateView(id)?.label ?? id;

export const isRequired = (template: TemplateView | undefined, id: FieldId): boolean => !!template?.required.includes(id);

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
