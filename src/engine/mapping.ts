import * as z from './zod';
import { cellText, isBlank, type CellValue } from './cell';
import { columnLetter } from './a1';
import { FIELDS, SECTION_FLAG, fieldIdSchema, type FieldId, type Section } from './fields';
import { normalizeLabel } from './normalize';
import { guessHeader, namesField, type Condition, type HeaderGuess } from './header-match';
import { TEMPLATES, TEMPLATE_IDS, type TemplateId } from './templates';
import type { FieldColumns } from './sheet-input';

export const matchKindSchema = z.enum(['saved', 'label', 'alias', 'fuzzy', 'none']);

export const columnMatchSchema = z.deferred(() =>
  z.object({
    index: z.int(),
    column: z.string(),
    header: z.string(),
    field: z.nullable(fieldIdSchema),
    /** 1 for an exact label or alias; the similarity score for a fuzzy guess. */
    confidence: z.number(),
    how: matchKindSchema,
    /** A likely field not applied because the guess was too weak: the user confirms it. */
    suggestion: z.nullable(fieldIdSchema),
  }),
);
export type ColumnMatch = z.infer<typeof columnMatchSchema>;

/** What the user chose for each header, remembered per sheet (normalised header -> field or null). */
export const savedMappingSchema = z.deferred(() => z.record(z.string(), z.nullable(fieldIdSchema)));
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

export const headerKey = (header: CellValue): string => normalizeLabel(isBlank(header) ? '' : cellText(header));

interface Claim {
  match: ColumnMatch;
  rank: number;
}

function matchHeader(header: string, index: number, saved: SavedMapping | undefined): { match: ColumnMatch; guess: HeaderGuess | null } {
  const key = normalizeLabel(header);
  const base = { index, column: columnLetter(index), header };
  if (saved && key in saved) return { match: { ...base, field: saved[key] ?? null, confidence: 1, how: 'saved', suggestion: null }, guess: null };
  const guess = guessHeader(header);
  return { match: { ...base, field: guess.field, confidence: guess.confidence, how: guess.how, suggestion: guess.suggestion }, guess };
}

/** Settles the headers whose meaning depends on the rest of the sheet (see header-match.ts). */
function settleContext(read: Array<{ match: ColumnMatch; guess: HeaderGuess | null }>): Claim[] {
  const sure = new Set(read.flatMap(({ match }) => (match.field ? [match.field] : [])));
  const holds = (when: Condition | undefined): boolean => {
    const contacts = sure.has('contactEmail') || sure.has('firstName') || sure.has('familyName');
    if (when === 'contacts') return contacts;
    if (when === 'person-names') return sure.has('firstName') || sure.has('familyName');
    if (when === 'first-name-only') return sure.has('firstName') && !sure.has('familyName');
    if (when === 'no-person-names') return !sure.has('firstName') && !sure.has('familyName');
    return true;
  };
  return read.map(({ match, guess }) => {
    const option = guess?.options?.find((o) => holds(o.when));
    if (option?.field) return { match: { ...match, field: option.field, confidence: 1, how: 'alias' as const }, rank: option.rank };
    return { match, rank: match.how === 'saved' ? 4 : (guess?.rank ?? 0) };
  });
}

/** Of several columns claiming a field, those outranked (a shipping city beside a billing one) step aside. */
function dropOutranked(claims: Claim[]): void {
  const best = new Map<FieldId, number>();
  for (const { match, rank } of claims) if (match.field) best.set(match.field, Math.max(best.get(match.field) ?? 0, rank));
  for (const claim of claims) {
    if (claim.match.field && claim.rank < best.get(claim.match.field)!) claim.match = { ...claim.match, field: null, how: 'none', confidence: 0, suggestion: null };
  }
}

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
 * alias (English or French, with qualifiers such as "Billing" read apart) after normalisation, then
 * a fuzzy guess reported with its confidence; headers that depend on the sheet are settled last.
 */
export function mapHeaders(headers: readonly CellValue[], options: { template?: TemplateId; saved?: SavedMapping } = {}): MappingResult {
  const claims = settleContext(headers.map((h, i) => matchHeader(isBlank(h) ? '' : cellText(h).trim(), i, options.saved)));
  dropOutranked(claims);
  const columns = claims.map((c) => c.match);
  const template = options.template ?? inferTemplate(columns.flatMap((c) => (c.field ? [c.field] : [])));
  const offered = new Set(TEMPLATES[template].fields);

  // Customer ID and External ID both feed Upflow's externalId: a template offering one takes the other.
  if (!offered.has('customerId') && offered.has('externalId') && !columns.some((c) => c.field === 'externalId')) {
    for (const c of columns) if (c.field === 'customerId' && c.how !== 'saved') c.field = 'externalId';
  }
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
    const named = (grid[r] ?? []).filter((cell) => typeof cell === 'string' && namesField(cell)).length;
    if (named >= 2) return r;
  }
  return 0;
}
