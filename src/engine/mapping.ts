import { z } from 'zod';
import { cellText, isBlank, type CellValue } from './cell';
import { columnLetter } from './a1';
import { FIELDS, FIELD_IDS, SECTION_FLAG, field, fieldIdSchema, type FieldId, type Section } from './fields';
import { normalizeLabel } from './normalize';
import { closest } from './similarity';
import { TEMPLATES, TEMPLATE_IDS, type TemplateId } from './templates';
import type { FieldColumns } from './sheet-input';

export const matchKindSchema = z.enum(['saved', 'label', 'alias', 'fuzzy', 'none']);

export const columnMatchSchema = z.object({
  index: z.number().int(),
  column: z.string(),
  header: z.string(),
  field: fieldIdSchema.nullable(),
  /** 1 for an exact label or alias; the similarity score for a fuzzy guess. */
  confidence: z.number(),
  how: matchKindSchema,
  /** A likely field not applied because the guess was too weak: the user confirms it. */
  suggestion: fieldIdSchema.nullable(),
});
export type ColumnMatch = z.infer<typeof columnMatchSchema>;

/** What the user chose for each header, remembered per sheet (normalised header -> field or null). */
export const savedMappingSchema = z.record(z.string(), fieldIdSchema.nullable());
export type SavedMapping = z.infer<typeof savedMappingSchema>;

export interface MappingResult {
  template: TemplateId;
  templateInferred: boolean;
  columns: ColumnMatch[];
  fieldColumns: FieldColumns;
  /** Flagged fields whose column is missing: the import can't start without them. */
  missingRequired: FieldId[];
  /** Two columns claiming one field: only the first one is used until the user decides. */
  conflicts: Array<{ field: FieldId; columns: string[] }>;
}

/** A fuzzy guess this close is applied (and shown as a guess); below it is only suggested. */
const APPLY_FUZZY = 0.85;
const SUGGEST_FUZZY = 0.6;

interface LabelIndexEntry { label: string; field: FieldId; kind: 'label' | 'alias' }

const labelIndex: LabelIndexEntry[] = FIELD_IDS.flatMap((id) => {
  const definition = field(id);
  return [
    { label: normalizeLabel(definition.label), field: id, kind: 'label' as const },
    ...definition.aliases.map((alias) => ({ label: normalizeLabel(alias), field: id, kind: 'alias' as const })),
  ];
});
const exactIndex = new Map<string, LabelIndexEntry>();
for (const entry of labelIndex) if (!exactIndex.has(entry.label)) exactIndex.set(entry.label, entry);

export const headerKey = (header: CellValue): string => normalizeLabel(isBlank(header) ? '' : cellText(header));

function matchHeader(header: string, index: number, saved: SavedMapping | undefined): ColumnMatch {
  const key = normalizeLabel(header);
  const base = { index, column: columnLetter(index), header, suggestion: null };
  if (saved && key in saved) return { ...base, field: saved[key] ?? null, confidence: 1, how: 'saved' };
  if (!key) return { ...base, field: null, confidence: 0, how: 'none' };
  const exact = exactIndex.get(key);
  if (exact) return { ...base, field: exact.field, confidence: 1, how: exact.kind };
  const best = closest(key, labelIndex, (entry) => entry.label, SUGGEST_FUZZY);
  if (best && best.score >= APPLY_FUZZY) return { ...base, field: best.match.field, confidence: round(best.score), how: 'fuzzy' };
  if (best) return { ...base, field: null, confidence: round(best.score), how: 'none', suggestion: best.match.field };
  return { ...base, field: null, confidence: 0, how: 'none' };
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The smallest template offering every mapped field; "all" when none does. */
export function inferTemplate(fields: Iterable<FieldId>): TemplateId {
  const mapped = new Set(fields);
  const sections = new Set<Section>([...mapped].map((id) => FIELDS.get(id)!.section));
  if (sections.has('assignment') && !sections.has('contact') && ![...mapped].some((id) => TEMPLATES.customers.fields.includes(id) && id !== 'customerName')) {
    return 'assign';
  }
  const candidates = TEMPLATE_IDS.filter((id) => [...mapped].every((f) => TEMPLATES[id].fields.includes(f)));
  return candidates[0] ?? 'all';
}

/**
 * Matches each header to a field: the user's saved choice first, then the field's label or an
 * alias (English or French) after normalisation, then a fuzzy guess reported with its confidence.
 */
export function mapHeaders(headers: readonly CellValue[], options: { template?: TemplateId; saved?: SavedMapping } = {}): MappingResult {
  const columns = headers.map((h, i) => matchHeader(isBlank(h) ? '' : cellText(h).trim(), i, options.saved));
  const template = options.template ?? inferTemplate(columns.flatMap((c) => (c.field ? [c.field] : [])));
  const offered = new Set(TEMPLATES[template].fields);

  // A field the template does not offer is not imported; say so instead of dropping it quietly.
  for (const c of columns) {
    if (c.field && !offered.has(c.field)) {
      c.suggestion = c.field;
      c.field = null;
      c.how = 'none';
    }
  }

  const fieldColumns: FieldColumns = {};
  const claimed = new Map<FieldId, ColumnMatch[]>();
  for (const c of columns) {
    if (!c.field) continue;
    claimed.set(c.field, [...(claimed.get(c.field) ?? []), c]);
    if (fieldColumns[c.field] === undefined) fieldColumns[c.field] = c.index;
  }
  const conflicts = [...claimed].filter(([, list]) => list.length > 1).map(([f, list]) => ({ field: f, columns: list.map((c) => c.column) }));

  const mapped = new Set(claimed.keys());
  const required = new Set(TEMPLATES[template].required);
  for (const section of TEMPLATES[template].sections) {
    const sectionUsed = [...mapped].some((f) => FIELDS.get(f)!.section === section);
    if (sectionUsed) required.add(SECTION_FLAG[section]);
  }
  // In "all", the customer is created by name or ID; the External ID flag is for assigning only.
  if (template !== 'assign') required.delete('externalId');
  const missingRequired = [...required].filter((f) => !mapped.has(f));

  return { template, templateInferred: options.template === undefined, columns, fieldColumns, missingRequired, conflicts };
}

/** The header row: the first of the top rows whose cells name at least two fields (0 when none does). */
export function findHeaderRow(grid: readonly (readonly CellValue[])[], scanRows = 20): number {
  for (let r = 0; r < Math.min(scanRows, grid.length); r++) {
    const named = (grid[r] ?? []).filter((cell) => !isBlank(cell) && exactIndex.has(headerKey(cell))).length;
    if (named >= 2) return r;
  }
  return 0;
}
