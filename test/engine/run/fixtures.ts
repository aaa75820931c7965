import { line, plan } from '../payloads/fixtures';

/**
 * A sheet of four customers: Acme on lines 2 and 3 (two contacts), Beta on line 4, Gamma on
 * line 6; line 5 is held back by its errors.
 */
export const SHEET = plan([
  line(2, { customerName: 'Acme', contactEmail: 'jane@acme.com' }),
  line(3, { customerName: 'Acme', contactEmail: 'paul@acme.com' }),
  line(4, { customerName: 'Beta' }),
  line(5, { customerName: 'Broken' }, true),
  line(6, { customerName: 'Gamma' }),
]);

/** The results column as a function of the line, from the texts given by line. */
export const column =
  (texts: Record<number, string>) =>
  (row: number): string =>
    texts[row] ?? '';

/** A result of import `n`, as the add-on writes it. */
export const created = (n: number) => `Created · 2026-12-01 16:05 · import #${n}`;
export const failed = (n: number) => `Failed: Upflow refused the VAT number. · 2026-12-01 16:05 · import #${n}`;
export const notImported = (n: number) => `Not imported: B5: the email has no @ · 2026-12-01 16:05 · import #${n}`;
