import { cellA1, columnLetter } from '../a1';
import type { FieldId } from '../fields';
import type { Problem, Severity } from '../problem';
import type { ProblemCode } from '../problem-titles';
import type { FieldColumns } from '../sheet-input';

export interface ProblemText {
  code: ProblemCode;
  message: string;
  fix: string;
}

/** A problem of the import plan: its code is one the plan declares, so Check can forward it. */
export type PlanProblem = Problem & { code: ProblemCode };

/** Collects the payload step's problems, pointing at the cell when the caller told where columns are. */
export class Reporter {
  readonly problems: PlanProblem[] = [];

  constructor(
    private readonly fieldColumns: FieldColumns = {},
    private readonly firstColumn = 0,
  ) {}

  error(row: number, field: FieldId | null, text: ProblemText): void {
    this.add('error', row, field, text);
  }

  warning(row: number, field: FieldId | null, text: ProblemText): void {
    this.add('warning', row, field, text);
  }

  private add(severity: Severity, row: number, field: FieldId | null, text: ProblemText): void {
    const index = field === null ? undefined : this.fieldColumns[field];
    const columnIndex = index === undefined ? undefined : this.firstColumn + index;
    this.problems.push({
      row,
      field,
      severity,
      column: columnIndex === undefined ? '' : columnLetter(columnIndex),
      cell: columnIndex === undefined ? '' : cellA1(row, columnIndex),
      ...text,
    });
  }
}
