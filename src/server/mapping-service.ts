import { columnIndex } from '../engine/a1';
import type { MappingResult } from '../engine/mapping';
import type { TemplateId } from '../engine/templates';
import type { MappingInput, MappingView } from '../shared/api';
import { RESULT_HEADER } from './internal-sheets';
import { rememberTemplate, resolveMapping, saveMapping } from './mapping-store';
import { userError } from './result';
import { findSheet, readBlock } from './sheet-block';

function mappingView(sheetName: string, headerRow: number, dataRows: number, mapping: MappingResult): MappingView {
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

export function getMapping(sheetName: string, template: TemplateId | null): MappingView {
  const block = readBlock(findSheet(sheetName));
  if (!block.headers.some((h) => String(h).trim())) {
    throw userError('SHEET_EMPTY', `Sheet "${sheetName}" has no header row. Add one with a column per field, or insert a template.`);
  }
  if (template) rememberTemplate(block.sheet, template);
  const mapping = resolveMapping(block.sheet, block.headers, template);
  return mappingView(sheetName, block.headerRow, block.input.rows.length, mapping);
}

export function updateMapping(input: MappingInput): MappingView {
  const block = readBlock(findSheet(input.sheetName));
  saveMapping(
    block.sheet,
    input.template,
    block.headers,
    block.headerRow,
    input.columns.map((c) => ({ index: columnIndex(c.column), field: c.field })),
  );
  return mappingView(input.sheetName, block.headerRow, block.input.rows.length, resolveMapping(block.sheet, block.headers, input.template));
}
