import { field, type FieldId } from '../fields';

const MAX_SHOWN = 60;

/** The value as the user typed it, quoted, shortened when long so messages stay readable. */
export function quote(value: string): string {
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value;
  return `"${shown}"`;
}

export const label = (id: FieldId): string => field(id).label;

/** "Postal code "1234"" — how most messages start. */
export const labelled = (id: FieldId, value: string): string => `${label(id)} ${quote(value)}`;

export const PLAIN_TEXT_FIX = 'Format the column as plain text (Format > Number > Plain text), then type the value again.';
