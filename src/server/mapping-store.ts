import { z } from 'zod';
import { headerKey, savedMappingSchema, type MappingResult } from '../engine/mapping';
import { templateIdSchema, type TemplateId } from '../engine/templates';
import type { CellValue } from '../engine/cell';
import type { FieldId } from '../engine/fields';
import { mapWith, type CheckOptions } from '../engine/check';
import { RESULT_HEADER } from './internal-sheets';

const storedMappingSchema = z.object({ template: templateIdSchema, saved: savedMappingSchema });
type StoredMapping = z.infer<typeof storedMappingSchema>;

/** Per sheet, by the sheet's id so a renamed sheet keeps its mapping. */
const key = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => `upflow.mapping.${sheet.getSheetId()}`;

export function loadMapping(sheet: GoogleAppsScript.Spreadsheet.Sheet): StoredMapping | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key(sheet));
  if (!raw) return null;
  try {
    const parsed = storedMappingSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What checkRows needs to map this sheet: the user's template and choices, our column reserved. */
export function mappingOptions(sheet: GoogleAppsScript.Spreadsheet.Sheet, template: TemplateId | null): CheckOptions {
  const stored = loadMapping(sheet);
  return { template: template ?? stored?.template ?? null, ...(stored ? { saved: stored.saved } : {}), reservedHeaders: [RESULT_HEADER] };
}

/** The mapping to use for this sheet: what the user chose, else the automatic match. */
export function resolveMapping(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly CellValue[], template: TemplateId | null): MappingResult {
  return mapWith(headers, mappingOptions(sheet, template));
}

/** The template the user picked applies to the next Validate and Import of this sheet too. */
export function rememberTemplate(sheet: GoogleAppsScript.Spreadsheet.Sheet, template: TemplateId): void {
  const stored = loadMapping(sheet);
  if (stored?.template === template) return;
  PropertiesService.getDocumentProperties().setProperty(key(sheet), JSON.stringify({ template, saved: stored?.saved ?? {} }));
}

/** Remembers the user's choice for each header (by its normalised text, so moved columns keep theirs). */
export function saveMapping(sheet: GoogleAppsScript.Spreadsheet.Sheet, template: TemplateId, headers: readonly CellValue[], choices: ReadonlyArray<{ index: number; field: FieldId | null }>): void {
  const saved: Record<string, FieldId | null> = { ...(loadMapping(sheet)?.saved ?? {}) };
  for (const choice of choices) {
    const header = headers[choice.index];
    if (header === undefined) continue;
    const k = headerKey(header);
    if (k) saved[k] = choice.field;
  }
  PropertiesService.getDocumentProperties().setProperty(key(sheet), JSON.stringify({ template, saved }));
}
