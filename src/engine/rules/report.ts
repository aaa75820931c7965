import { cellA1, columnLetter } from '../a1';
import type { FieldId } from '../fields';
import type { Problem, Severity } from '../problem';
import type { ProblemCode } from '../problem-titles';
import type { FieldColumns, SheetInput } from '../sheet-input';

interface Entry {
  problem: Problem;
  order: number;
}

/** Wider than any sheet (Sheets stops at 18,278 columns), so row * COLUMN_SPAN + column sorts like the sheet. */
const COLUMN_SPAN = 20_000;

/**
 * Collects problems in sheet coordinates. Rules name a line by its index in `input.rows` and a
 * field; the report turns that into the row number, column letter and A1 the sidebar shows.
 */
export class Report {
  private readonly entries: Entry[] = [];
  private readonly firstRow: number;
  private readonly firstColumn: number;
  /** Rows (indexes into input.rows) with at least one error. */
  readonly blockedLines = new Set<number>();
  errors = 0;
  warnings = 0;

  constructor(
    input: SheetInput,
    private readonly columns: FieldColumns,
  ) {
    this.firstRow = input.firstRow;
    this.firstColumn = input.firstColumn ?? 0;
  }

  add(line: number, field: FieldId, severity: Severity, code: ProblemCode, message: string, fix: string, suggestion?: string): void {
    const columnIndex = this.columnOf(field);
    const row = this.firstRow + line;
    const problem: Problem = { row, column: columnLetter(columnIndex), cell: cellA1(row, columnIndex), field, severity, code, message, fix };
    if (suggestion !== undefined) problem.suggestion = suggestion;
    this.entries.push({ problem, order: row * COLUMN_SPAN + columnIndex });
    if (severity === 'error') {
      this.errors++;
      this.blockedLines.add(line);
    } else {
      this.warnings++;
    }
  }

  error(line: number, field: FieldId, code: ProblemCode, message: string, fix: string, suggestion?: string): void {
    this.add(line, field, 'error', code, message, fix, suggestion);
  }

  warning(line: number, field: FieldId, code: ProblemCode, message: string, fix: string, suggestion?: string): void {
    this.add(line, field, 'warning', code, message, fix, suggestion);
  }

  /** A1 of a line's cell of a field, for messages that name the cell to edit. */
  cellOf(line: number, field: FieldId): string {
    return cellA1(this.firstRow + line, this.columnOf(field));
  }

  private columnOf(field: FieldId): number {
    return this.firstColumn + (this.columns[field] ?? 0);
  }

  /** Sheet row number of a line, for messages that name another row. */
  rowOf(line: number): number {
    return this.firstRow + line;
  }

  sorted(): Problem[] {
    // Array.prototype.sort is stable: problems of one cell keep the order the rules found them.
    return this.entries.sort((a, b) => a.order - b.order).map((e) => e.problem);
  }
}
