import { field, typedFields, type FieldId } from '../engine/fields';
import { TEMPLATES, type TemplateId } from '../engine/templates';
import { assignability } from '../engine/customers/assignable';
import { freeSheetName } from './internal-sheets';
import { organisationIfReachable, type Organisation } from './organisation';

const POSITIONS = ['Accounting', 'Sales', 'Purchaser', 'Payer'];
const HEADER_COLOR = '#e8f0fe';

/** Dropdowns under the header, as in the templates: positions, main contact, and the organisation's managers and workflows. */
export function addDropdowns(sheet: GoogleAppsScript.Spreadsheet.Sheet, fields: readonly FieldId[], bodyRows: number, org: Organisation | null, openPositions = false): void {
  const dropdown = (id: FieldId, values: string[], allowInvalid: boolean) => {
    const at = fields.indexOf(id);
    if (at < 0 || values.length === 0) return;
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(allowInvalid).build();
    sheet.getRange(2, at + 1, bodyRows, 1).setDataValidation(rule);
  };
  // A pulled sheet may hold positions the organisation added: there the list helps without refusing them.
  dropdown('position', POSITIONS, openPositions);
  dropdown('mainContact', ['1'], false);
  if (org) {
    // Several managers go in one cell, comma separated: the list helps without forbidding that.
    dropdown(
      'accountManagers',
      org.members.filter((m) => assignability(m) !== 'no').map((m) => m.email),
      true,
    );
    dropdown(
      'workflow',
      org.workflows.map((w) => w.name),
      false,
    );
  }
}

/**
 * Adds a sheet laid out as one of Upflow's templates: headers with a note explaining each
 * field, demo lines to replace, dropdowns (the organisation's workflows when Upflow answers), and
 * text format where digits must survive.
 */
export function insertTemplate(templateId: TemplateId): { sheetName: string } {
  const template = TEMPLATES[templateId];
  const org = organisationIfReachable();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.insertSheet(freeSheetName(`Upflow - ${template.label}`));
  const fields = typedFields(template.fields);
  const width = fields.length;
  const bodyRows = sheet.getMaxRows() - 1;

  for (const [i, id] of fields.entries()) {
    // Codes look like numbers but must stay text (leading zeros, + signs).
    if (field(id).code) sheet.getRange(2, i + 1, bodyRows, 1).setNumberFormat('@');
  }
  const header = sheet.getRange(1, 1, 1, width);
  header.setValues([fields.map((id) => field(id).label + (template.required.includes(id) ? ' *' : ''))]);
  header.setNotes([fields.map((id) => `${field(id).help}${template.required.includes(id) ? '\nRequired.' : ''}`)]);
  header.setFontWeight('bold').setBackground(HEADER_COLOR);
  sheet.setFrozenRows(1);
  sheet.getRange(2, 1, template.demo.length, width).setValues(template.demo.map((line) => fields.map((id) => line[id] ?? '')));

  addDropdowns(sheet, fields, bodyRows, org);
  sheet.autoResizeColumns(1, width);
  sheet.activate();
  return { sheetName: sheet.getName() };
}
