export type CellValue = string | number | boolean | Date;

/** What `getNumberFormat()` reports for a cell nobody formatted. */
export const AUTOMATIC_FORMAT = '0.###############';
export const PLAIN_TEXT_FORMAT = '@';

// Dates may come from another realm (the add-on runs in a node:vm context), where
// `instanceof Date` is false.
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
