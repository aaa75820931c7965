/**
 * Apps Script entry points. build.mjs turns each `global.x = ...` into a top-level function
 * declaration (gas-entry-generator), which is what menus, triggers and google.script.run call.
 */
import { serverFunctions as api } from './api';
import { onEdit } from './edit-trigger';
import { onInstall, onOpen, openCsvImport, openHistory, openSettings, openSidebar, openTemplates } from './menu';

declare const global: Record<string, unknown>;

global.onOpen = onOpen;
global.onInstall = onInstall;
global.onEdit = onEdit;
global.openSidebar = openSidebar;
global.openTemplates = openTemplates;
global.openCsvImport = openCsvImport;
global.openHistory = openHistory;
global.openSettings = openSettings;

global.getSidebarState = api.getSidebarState;
global.getMapping = api.getMapping;
global.saveMapping = api.saveMapping;
global.validateSheet = api.validateSheet;
global.getSheetStatus = api.getSheetStatus;
global.jumpToCell = api.jumpToCell;
global.applyFixes = api.applyFixes;
global.insertTemplate = api.insertTemplate;
global.pullCustomers = api.pullCustomers;
global.continuePull = api.continuePull;
global.cancelPull = api.cancelPull;
global.refreshPulled = api.refreshPulled;
global.importCsv = api.importCsv;
global.getHistory = api.getHistory;
global.getSettings = api.getSettings;
global.saveSettings = api.saveSettings;
global.testConnection = api.testConnection;
global.previewImport = api.previewImport;
global.startImport = api.startImport;
global.continueImport = api.continueImport;
global.cancelImport = api.cancelImport;
global.copyFailedRows = api.copyFailedRows;
global.getSheetContext = api.getSheetContext;
global.showSheet = api.showSheet;
global.applyFixesUndoable = api.applyFixesUndoable;
global.undoFixes = api.undoFixes;
global.exportProblems = api.exportProblems;
global.copyBlockedRows = api.copyBlockedRows;
global.sendTestNotification = api.sendTestNotification;
