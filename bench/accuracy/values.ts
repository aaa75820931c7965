import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CellValue } from '../../src/engine/cell';
import type { FieldId } from '../../src/engine/fields';
import { checkLines, type CheckResult } from '../../src/engine/rules';
import { countryCode } from '../../src/engine/rules/country';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8'));

/** One line per value, through the same validation a sheet gets. */
function run(template: 'customers' | 'contacts', fields: FieldId[], rows: CellValue[][]): CheckResult {
  return checkLines({ rows, firstRow: 2 }, Object.fromEntries(fields.map((f, i) => [f, i])), { template });
}

const refused = (result: CheckResult, line: number, field: FieldId): boolean => result.problems.some((p) => p.row === line + 2 && p.field === field && p.severity === 'error');

export interface Rates {
  cases: number;
  falseAccept: number;
  falseReject: number;
  examples: string[];
}

function rates(cases: Array<{ text: string; valid: boolean; accepted: boolean }>): Rates {
  const falseAccept = cases.filter((c) => !c.valid && c.accepted);
  const falseReject = cases.filter((c) => c.valid && !c.accepted);
  return {
    cases: cases.length,
    falseAccept: falseAccept.length / Math.max(1, cases.filter((c) => !c.valid).length),
    falseReject: falseReject.length / Math.max(1, cases.filter((c) => c.valid).length),
    examples: [...falseAccept.map((c) => `accepted ${c.text}`), ...falseReject.map((c) => `refused ${c.text}`)],
  };
}

export function scoreCountries(): { recognised: number; cases: number; byKind: Record<string, number>; missed: string[] } {
  const { entries } = z.object({ entries: z.array(z.tuple([z.string(), z.string(), z.string()])) }).parse(read('countries.json'));
  const kinds = new Map<string, { ok: number; all: number }>();
  const missed: string[] = [];
  for (const [text, code, kind] of entries) {
    const ok = countryCode(text) === code;
    const k = kinds.get(kind) ?? { ok: 0, all: 0 };
    kinds.set(kind, { ok: k.ok + (ok ? 1 : 0), all: k.all + 1 });
    if (!ok) missed.push(`${text} (${code})`);
  }
  const byKind = Object.fromEntries([...kinds].map(([kind, k]) => [kind, k.ok / k.all]));
  return { recognised: 1 - missed.length / entries.length, cases: entries.length, byKind, missed };
}

export function scoreVat(): Rates {
  const { valid, invalid } = z.object({ valid: z.array(z.string()), invalid: z.array(z.string()) }).parse(read('vat.json'));
  const all = [...valid.map((text) => ({ text, valid: true })), ...invalid.map((text) => ({ text, valid: false }))];
  const result = run(
    'customers',
    ['customerName', 'vatNumber'],
    all.map((c, i) => [`C${i}`, c.text]),
  );
  return rates(all.map((c, i) => ({ ...c, accepted: !refused(result, i, 'vatNumber') && result.records.some((r) => r.row === i + 2 && r.values.vatNumber !== undefined) })));
}

const valuesSchema = z.object({
  postalCodes: z.array(z.tuple([z.string(), z.string(), z.boolean()])),
  emails: z.array(z.tuple([z.string(), z.boolean()])),
  phones: z.array(z.tuple([z.string().nullable(), z.string(), z.string().nullable()])),
});

export function scorePostalCodes(): Rates {
  const { postalCodes } = valuesSchema.parse(read('values.json'));
  const result = run(
    'customers',
    ['customerName', 'country', 'postalCode'],
    postalCodes.map(([country, code], i) => [`C${i}`, country, code]),
  );
  return rates(postalCodes.map(([country, text, valid], i) => ({ text: `${country} ${text}`, valid, accepted: !refused(result, i, 'postalCode') })));
}

export function scoreEmails(): Rates {
  const { emails } = valuesSchema.parse(read('values.json'));
  const result = run(
    'contacts',
    ['customerName', 'contactEmail'],
    emails.map(([email], i) => [`C${i}`, email]),
  );
  return rates(emails.map(([text, valid], i) => ({ text, valid, accepted: !refused(result, i, 'contactEmail') })));
}

/**
 * A phone is right when it is stored as the expected E.164 number; a line whose country is not
 * recognised (null) must never get a national number turned into one.
 */
export function scorePhones(): Rates {
  const { phones } = valuesSchema.parse(read('values.json'));
  const result = run(
    'contacts',
    ['customerName', 'country', 'phoneNumber', 'contactEmail'],
    phones.map(([country, phone], i) => [`C${i}`, country ?? 'Atlantis', phone, `c${i}@example.com`]),
  );
  return rates(
    phones.map(([country, text, e164], i) => {
      const stored = result.records.find((r) => r.row === i + 2)?.values.phoneNumber;
      const accepted = !refused(result, i, 'phoneNumber') && stored !== undefined && stored.startsWith('+');
      return { text: `${country ?? '?'} ${text}`, valid: e164 !== null, accepted: e164 === null ? accepted : accepted && stored === e164 };
    }),
  );
}
