import { showSidebar } from './sidebar';

/**
 * Builds the add-on menu. It runs before the user enables the add-on in this document (no
 * authorization yet), so it touches nothing but the menu.
 */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open', 'openSidebar')
    .addSeparator()
    .addItem('Insert a template…', 'openTemplates')
    .addItem('Import a CSV file…', 'openCsvImport')
    .addItem('Import history', 'openHistory')
    .addItem('Settings', 'openSettings')
    .addToUi();
}

/** Installing from the Marketplace opens no document event, so the menu is built here too. */
export function onInstall(): void {
  onOpen();
}

export const openSidebar = () => showSidebar('import');
export const openTemplates = () => showSidebar('templates');
export const openCsvImport = () => showSidebar('csv');
export const openHistory = () => showSidebar('history');
export const openSettings = () => showSidebar('settings');
