import { columnIndex } from '../engine/a1';
import type { MappingResult } from '../engine/mapping';
import { templateIdSchema } from '../engine/templates';
import { mappingInputSchema, type MappingView } from '../shared/api';
import { RESULT_HEADER } from './internal-sheets';
import { rememberTemplate, resolveMapping, saveMapping } from './mapping-store';
import { userError } from './result';
import { findSheet, readBlock } from './sheet-block';

function toView(sheetName: string, headerRow: number, dataRows: number, mapping: MappingResult): MappingView {
  return {
    sheetName,
    headerRow,
    dataRows,
    template: mapping.template,
    templateInferred: mapping.templateInferred,
    columns: mapping.columns.filter((c) => c.header !== RESULT_HEADER),
    missingRequired: mapping.missingRequired,
    conflicts: mapping.conflicts,
  };
}

export function getMapping(sheetName: string, template: string | null): MappingView {
  const parsed = template === null ? null : templateIdSchema.safeParse(template);
  if (parsed && !parsed.success) throw userError('TEMPLATE_UNKNOWN', 'Pick one of the four templates.');
  const block = readBlock(findSheet(sheetName));
  if (!block.headers.some((h) => String(h).trim())) {
    throw userError('SHEET_EMPTY', `Sheet "${sheetName}" has no header row. Add one with a column per field, or insert a template.`);
  }
  if (parsed) rememberTemplate(block.sheet, parsed.data);
  const mapping = resolveMapping(block.sheet, block.headers, parsed ? parsed.data : null);
  return toView(sheetName, block.headerRow, block.input.rows.length, mapping);
}

export function updateMapping(raw: unknown): MappingView {
  const parsed = mappingInputSchema.safeParse(raw);
  if (!parsed.success) throw userError('MAPPING_INVALID', 'This mapping could not be saved. Reload the sidebar and try again.');
  const input = parsed.data;
  const block = readBlock(findSheet(input.sheetName));
  saveMapping(block.sheet, input.template, block.headers, block.headerRow, input.columns.map((c) => ({ index: columnIndex(c.column), field: c.field })));
  return toView(input.sheetName, block.headerRow, block.input.rows.length, resolveMapping(block.sheet, block.headers, input.template));
}
