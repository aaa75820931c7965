import type { CellValue } from '../cell';
import type { FieldColumns } from '../sheet-input';

/**
 * What a line says, field by field, whatever column each field sits in: a result is written to
 * a line only if the line still says what was sent. A line moved by an insert, a delete or a sort
 * keeps its fingerprint; an edited line does not, and so is sent again rather than marked done.
 */
export function lineFingerprint(row: readonly CellValue[], columns: FieldColumns): string {
  const parts: string[] = [];
  for (const field of Object.keys(columns).sort()) {
    const column = columns[field as keyof FieldColumns];
    if (column === undefined) continue;
    const value = row[column];
    parts.push(`${field}=${value instanceof Date ? `@${value.getTime()}` : String(value ?? '')}`);
  }
  return parts.join('\u0000');
}
