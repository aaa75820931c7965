import type { ContactPosition } from '../upflow/schemas';
import { normalizeLabel } from '../normalize';
import { closest } from '../similarity';
import { labelled } from './messages';
import type { Report } from './report';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const POSITION_PROBLEMS = {
  POSITION_UNKNOWN: 'Unknown positions',
} as const;

/** Labels people type, English and French, plus Upflow's own display ("Accountant") and API values. */
const LABELS: ReadonlyArray<readonly [string, ContactPosition]> = [
  ['accounting', 'ACCOUNTING'],
  ['accountant', 'ACCOUNTING'],
  ['accounts', 'ACCOUNTING'],
  ['accounts payable', 'ACCOUNTING'],
  ['comptabilite', 'ACCOUNTING'],
  ['comptable', 'ACCOUNTING'],
  ['compta', 'ACCOUNTING'],
  ['finance', 'ACCOUNTING'],
  ['sales', 'SALES'],
  ['sale', 'SALES'],
  ['commercial', 'SALES'],
  ['commerciale', 'SALES'],
  ['ventes', 'SALES'],
  ['vente', 'SALES'],
  ['purchaser', 'PURCHASER'],
  ['purchasing', 'PURCHASER'],
  ['buyer', 'PURCHASER'],
  ['acheteur', 'PURCHASER'],
  ['acheteuse', 'PURCHASER'],
  ['achats', 'PURCHASER'],
  ['achat', 'PURCHASER'],
  ['payer', 'PAYER'],
  ['payeur', 'PAYER'],
  ['payeuse', 'PAYER'],
  ['payor', 'PAYER'],
];
const BY_LABEL = new Map(LABELS);

/** How Upflow shows each position, for messages and suggestions. */
const DISPLAY: Readonly<Record<ContactPosition, string>> = { ACCOUNTING: 'Accounting', SALES: 'Sales', PURCHASER: 'Purchaser', PAYER: 'Payer' };

/** How a position reads in a sheet: Upflow's display for the four it documents, the code as is for an organisation's own. */
export const positionLabel = (code: string): string => (code in DISPLAY ? DISPLAY[code as ContactPosition] : code);

/** The API value of a position label, reporting unknown ones. */
export function checkPosition(report: Report, line: number, text: string): ContactPosition | undefined {
  const known = BY_LABEL.get(text) ?? BY_LABEL.get(text.toLowerCase());
  if (known) return known;
  const key = normalizeLabel(text);
  const position = BY_LABEL.get(key);
  if (position) return position;
  const guess = closest(key, LABELS, ([l]) => l, 0.6)?.match[1];
  report.error(
    line,
    'position',
    'POSITION_UNKNOWN',
    `${labelled('position', text)} isn't a position Upflow knows${guess ? `; did you mean ${DISPLAY[guess]}?` : '.'}`,
    'Use one of Accounting, Sales, Purchaser or Payer (French labels like Comptabilité or Acheteur work too), or leave it empty.',
    guess ? DISPLAY[guess] : undefined,
  );
  return undefined;
}
