import type { CellValue } from '../../../src/engine/cell';
import type { FieldId } from '../../../src/engine/fields';
import type { Problem } from '../../../src/engine/problem';
import type { SourceSystem } from '../../../src/engine/source-system';
import type { TemplateId } from '../../../src/engine/templates';
import { checkLines, type OrgData, type CheckResult } from '../../../src/engine/rules';

export interface Options {
  org?: OrgData;
  defaultCountry?: string;
  sourceSystem?: SourceSystem;
  formulas?: string[][];
  firstRow?: number;
  firstColumn?: number;
}

/** Validates rows whose columns are `fields`, in order from column A; data starts on row 2 unless told. */
export function check(template: TemplateId, fields: FieldId[], rows: CellValue[][], options: Options = {}): CheckResult {
  const columns = Object.fromEntries(fields.map((f, i) => [f, i]));
  return checkLines(
    {
      rows,
      firstRow: options.firstRow ?? 2,
      ...(options.firstColumn !== undefined ? { firstColumn: options.firstColumn } : {}),
      ...(options.formulas ? { formulas: options.formulas } : {}),
    },
    columns,
    {
      template,
      ...(options.sourceSystem ? { sourceSystem: options.sourceSystem } : {}),
      ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
      ...(options.org ? { org: options.org } : {}),
    },
  );
}

export const withCode = (result: CheckResult, code: string): Problem[] => result.problems.filter((p) => p.code === code);

/** The only problem with that code; fails when there is none or several. */
export function one(result: CheckResult, code: string): Problem {
  const found = withCode(result, code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}: ${JSON.stringify(result.problems, null, 1)}`);
  return found[0]!;
}

export const codes = (result: CheckResult): string[] => result.problems.map((p) => p.code);
