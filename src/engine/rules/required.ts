import { SECTION_FLAG, fieldsOfSection, type FieldId, type Section } from '../fields';
import type { FieldColumns } from '../sheet-input';
import type { Template } from '../templates';
import { label } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const REQUIRED_PROBLEMS = {
  REQUIRED: 'Required values missing',
} as const;

type Values = Partial<Record<FieldId, string>>;

const SECTION_FIELDS: Readonly<Record<Section, readonly FieldId[]>> = {
  customer: fieldsOfSection('customer'),
  group: fieldsOfSection('group'),
  assignment: fieldsOfSection('assignment'),
  contact: fieldsOfSection('contact'),
};

/**
 * Which flagged fields a line of this template needs:
 * - 'every': on every line (the customer's name where the template has customer details; the
 *   External ID in "assign", which finds the customer to update);
 * - 'when-used': once the line fills another field of the section (a group, a contact).
 * In "all", the line's customer is created or updated by POST /customers from its own details,
 * so assigning an account manager or a workflow there needs no External ID.
 */
function rulesOf(template: Template): Array<{ section: Section; when: 'every' | 'when-used' }> {
  if (template.id === 'assign') return [{ section: 'assignment', when: 'every' }];
  return template.sections
    .filter((section) => section !== 'assignment')
    .map((section) => ({ section, when: section === 'customer' ? ('every' as const) : ('when-used' as const) }));
}

const WHY: Readonly<Record<Section, string>> = {
  customer: 'every line needs the name of its customer',
  assignment: 'Upflow finds the customer to assign by its External ID',
  group: 'this line names a group by its ID only',
  contact: 'this line has contact details but no email to identify the contact',
};

const FIX: Readonly<Record<Section, string>> = {
  customer: "Fill in the customer's name (copy it from its other lines if it has several).",
  assignment: 'Fill in the ID of the customer in your source system.',
  group: 'Fill in the customer name of the group (parent company), or clear the Group ID.',
  contact: "Fill in the contact's email, or clear the contact cells of this line.",
};

export function checkRequired(report: Report, line: number, template: Template, values: Values, columns: FieldColumns, firstFilled: FieldId): void {
  for (const { section, when } of rulesOf(template)) {
    const flag = SECTION_FLAG[section];
    if (values[flag] !== undefined) continue;
    const used = when === 'every' ? firstFilled : SECTION_FIELDS[section].find((id) => id !== flag && values[id] !== undefined);
    if (!used) continue;
    // The flag's own cell when it has a column, else the cell that made it necessary.
    const at = columns[flag] !== undefined ? flag : used;
    const unmapped = columns[flag] === undefined ? ` (no column is mapped to ${label(flag)})` : '';
    report.error(line, at, 'REQUIRED', `${label(flag)} is missing${unmapped}: ${WHY[section]}.`, FIX[section]);
  }
}
