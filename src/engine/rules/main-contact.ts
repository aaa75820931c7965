import { labelled } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const MAIN_CONTACT_PROBLEMS = {
  MAIN_CONTACT_INVALID: 'Unclear main contact values',
} as const;

/**
 * Upflow's importer takes "1". Sheets users also tick checkboxes (TRUE/FALSE values) or type
 * yes/oui/x: all read as "main", since the intent is plain and the add-on sends a boolean anyway.
 * "0", FALSE, no/non mean "not main", like an empty cell.
 */
const MAIN = new Set(['1', 'true', 'vrai', 'yes', 'y', 'oui', 'o', 'x', '✓', '✔']);
const NOT_MAIN = new Set(['0', 'false', 'faux', 'no', 'n', 'non']);

export type MainContact = 'main' | 'not-main' | 'invalid';

export function checkMainContact(report: Report, line: number, text: string): MainContact {
  const key = text.toLowerCase();
  if (MAIN.has(key)) return 'main';
  if (NOT_MAIN.has(key)) return 'not-main';
  report.error(
    line,
    'mainContact',
    'MAIN_CONTACT_INVALID',
    `${labelled('mainContact', text)} isn't understood: put 1 on the main contact's line.`,
    'Put 1 (or tick the box) for the main contact, and leave the cell empty for the other contacts.',
  );
  return 'invalid';
}
