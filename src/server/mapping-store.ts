import { headerKey, type MappingResult } from '../engine/mapping';
import type { TemplateId } from '../engine/templates';
import { cellText, type CellValue } from '../engine/cell';
import { columnLetter } from '../engine/a1';
import type { FieldId } from '../engine/fields';
import { mapWith, type CheckOptions } from '../engine/check';
import { RESULT_HEADER } from './internal-sheets';
import { userError } from './result';
import { KEYS, type StoredMapping } from './store/keys';
import { read, write } from './store/store';

const key = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => KEYS.mapping(sheet.getSheetId());

export const loadMapping = (sheet: GoogleAppsScript.Spreadsheet.Sheet): StoredMapping | null => read(key(sheet));

/** What checkRows needs to map this sheet: the user's template and choices, our column reserved. */
export function mappingOptions(sheet: GoogleAppsScript.Spreadsheet.Sheet, template: TemplateId | null): CheckOptions {
  const stored = loadMapping(sheet);
  return { template: template ?? stored?.template ?? null, ...(stored ? { saved: stored.saved } : {}), reservedHeaders: [RESULT_HEADER] };
}

/** The mapping to use for this sheet: what the user chose, else the automatic match. */
export function resolveMapping(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly CellValue[], template: TemplateId | null): MappingResult {
  return mapWith(headers, mappingOptions(sheet, template));
}

/** The template the user picked applies to the next check and import of this sheet too. */
export function rememberTemplate(sheet: GoogleAppsScript.Spreadsheet.Sheet, template: TemplateId): void {
  const stored = loadMapping(sheet);
  if (stored?.template === template) return;
  write(key(sheet), { template, saved: stored?.saved ?? {} });
}

/**
 * Longest header whose choice is remembered: the choices live in one document property (9 kB), and
 * no field's name comes near this length, so a longer header is a pasted value, not a column name.
 */
const MAX_REMEMBERED_HEADER = 200;

/** Remembers the user's choice for each header (by its normalised text, so moved columns keep theirs). */
export function saveMapping(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  template: TemplateId,
  headers: readonly CellValue[],
  headerRow: number,
  choices: ReadonlyArray<{ index: number; field: FieldId | null }>,
): void {
  const saved: Record<string, FieldId | null> = { ...(loadMapping(sheet)?.saved ?? {}) };
  for (const choice of choices) {
    const header = headers[choice.index];
    if (header === undefined) continue;
    const k = headerKey(header);
    if (k.length > MAX_REMEMBERED_HEADER) {
      if (choice.field === null) continue;
      const cell = `${columnLetter(choice.index)}${headerRow}`;
      throw userError(
        'HEADER_TOO_LONG',
        `The header in ${cell} is ${cellText(header).length.toLocaleString('en-US')} characters long: a column's field can be remembered only when its header has at most ${MAX_REMEMBERED_HEADER}. Shorten the header in ${cell}, then choose its field again.`,
      );
    }
    if (k) saved[k] = choice.field;
  }
  write(key(sheet), { template, saved });
}
