/** Sheets the user has validated: only their edits are worth re-checking as they type. */
const key = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => `upflow.checked.${sheet.getSheetId()}`;

export function rememberChecked(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(key(sheet)) === null) props.setProperty(key(sheet), '1');
}

export const wasChecked = (sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean =>
  PropertiesService.getDocumentProperties().getProperty(key(sheet)) !== null;

const editKey = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => `upflow.editedAt.${sheet.getSheetId()}`;

/** The sidebar compares it with its last check, to offer a fresh one when the sheet moved on. */
export function rememberEdit(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  PropertiesService.getDocumentProperties().setProperty(editKey(sheet), new Date().toISOString());
}

export const lastEdit = (sheet: GoogleAppsScript.Spreadsheet.Sheet): string | null =>
  PropertiesService.getDocumentProperties().getProperty(editKey(sheet));
