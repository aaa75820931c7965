import { cellText, type CellValue } from '../cell';
import type { FieldId } from '../fields';
import { cleanSpaces } from '../normalize';
import type { Template } from '../templates';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const EXAMPLE_LINE_PROBLEMS = {
  TEMPLATE_EXAMPLE: 'Example lines of the template',
} as const;

/**
 * The template's demo lines (src/engine/templates.ts), as the mapped columns show them: a line
 * that says exactly the same is most likely one the user forgot to replace. Only a warning: the
 * playground's demo sheet imports such lines on purpose.
 */
export function exampleLines(template: Template, mapped: ReadonlyArray<{ id: FieldId; column: number }>): (row: readonly CellValue[]) => boolean {
  if (!mapped.some(({ id }) => id === 'customerName' || id === 'externalId')) return () => false;
  const key = (textOf: (id: FieldId, column: number) => string) => mapped.map(({ id, column }) => textOf(id, column)).join('\u0001');
  const demos = new Set(template.demo.map((line) => key((id) => line[id] ?? '')));
  return (row) =>
    demos.has(
      key((_, column) => {
        const value = row[column];
        return value === undefined || value === null ? '' : cleanSpaces(cellText(value));
      }),
    );
}
