import { fieldsOfSection, type FieldId } from '../fields';
import type { RowRecord } from '../sheet-input';
import { IMPORT_RIGHTS, type ImportRights, type SourceSystem } from '../source-system';
import type { TemplateId } from '../templates';
import type { Mode } from './identity';
import type { DroppedPart } from './types';

/** Without the right to change details, Upflow's only entry point is "Assign customers". */
export const modeFor = (template: TemplateId, source: SourceSystem): Mode => (template === 'assign' || !IMPORT_RIGHTS[source].customerDetails ? 'assign' : 'import');

/** Customer fields that are details rather than the customer's identity (name, IDs). */
const DETAIL_FIELDS: FieldId[] = [...fieldsOfSection('customer').filter((id) => id !== 'customerName' && id !== 'customerId'), ...fieldsOfSection('group')];
const CONTACT_FIELDS = fieldsOfSection('contact');

export interface Sending {
  details: boolean;
  contacts: boolean;
  accountManagers: boolean;
  workflows: boolean;
}

export function sending(mode: Mode, rights: ImportRights): Sending {
  return {
    details: mode === 'import',
    contacts: mode === 'import' && rights.contacts,
    accountManagers: rights.accountManagers,
    workflows: rights.workflows,
  };
}

/** Only parts the lines actually fill are listed: the sidebar shouldn't warn about empty columns. */
export function droppedParts(lines: RowRecord[], send: Sending): DroppedPart[] {
  const fills = (ids: FieldId[]) => lines.some((line) => ids.some((id) => line.values[id] !== undefined));
  const dropped: DroppedPart[] = [];
  if (!send.details && fills(DETAIL_FIELDS)) dropped.push('customer details');
  if (!send.contacts && fills(CONTACT_FIELDS)) dropped.push('contacts');
  if (!send.accountManagers && fills(['accountManagers'])) dropped.push('account managers');
  if (!send.workflows && fills(['workflow'])) dropped.push('workflows');
  return dropped;
}
