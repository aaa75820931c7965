import { serverFunctions } from './api';
import { onEdit } from './edit-trigger';
import { onInstall, onOpen, openCsvImport, openHistory, openSettings, openSidebar, openTemplates } from './menu';

/**
 * Every function Apps Script calls by name: the simple triggers, the menu items (src/server/menu.ts)
 * and the sidebar's table (src/server/api.ts). src/server/main.ts puts them on the global object;
 * build.mjs declares each as a top-level function of dist/Code.js.
 */
export const entryPoints = { onOpen, onInstall, onEdit, openSidebar, openTemplates, openCsvImport, openHistory, openSettings, ...serverFunctions };
