/** Sheets the add-on keeps for itself; never offered for import. */
export const HISTORY_SHEET = 'Upflow import history';
/** The column the import writes each row's result to, right of the data. */
export const RESULT_HEADER = 'Upflow import result';

/** What a pulled sheet held when it was pulled or last refreshed (src/server/pulled-values.ts), one hidden sheet each. */
export const PULLED_VALUES_PREFIX = 'Upflow pulled values ';

export const isInternalSheet = (name: string): boolean => name === HISTORY_SHEET || name.startsWith(PULLED_VALUES_PREFIX);

/** A name not used by any sheet yet: "Customers", "Customers (2)", ... */
export function freeSheetName(base: string): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const clean =
    base
      .replace(/[[\]*?:/\\']/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 90) || 'Sheet';
  let name = clean;
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${clean} (${n})`;
  return name;
}
