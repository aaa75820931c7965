import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from './harness';
import type { ServerFunctionName } from '../../src/shared/api';

const TABLE: ServerFunctionName[] = [
  'getSidebarState', 'getMapping', 'saveMapping', 'validateSheet', 'getSheetStatus', 'jumpToCell', 'applyFixes', 'insertTemplate', 'pullCustomers', 'importCsv',
  'getHistory', 'getSettings', 'saveSettings', 'testConnection', 'previewImport', 'startImport', 'continueImport', 'cancelImport', 'copyFailedRows',
  'getSheetContext', 'showSheet', 'applyFixesUndoable', 'undoFixes', 'exportProblems', 'copyBlockedRows', 'sendTestNotification',
];

test('dist/Code.js runs in a bare V8 context, as Apps Script runs it', () => {
  const addon = loadAddon();
  const globals = addon.context as Record<string, unknown>;
  assert.equal(typeof globals.process, 'undefined', 'no Node globals leak into the bundle');
  assert.equal(typeof globals.require, 'undefined');
  for (const name of ['onOpen', 'onInstall', 'onEdit', 'openSidebar', ...TABLE]) {
    assert.equal(typeof globals[name], 'function', `${name} is a top-level function`);
  }
});

test('onOpen builds the add-on menu in the limited mode an add-on starts in', () => {
  const addon = loadAddon();
  addon.app.open('NONE');
  const menu = addon.app.ui.menus[0];
  assert.ok(menu, 'a menu was added');
  assert.deepEqual(menu.items.map((i) => ('caption' in i ? i.caption : '---')), ['Open', '---', 'Insert a template…', 'Import a CSV file…', 'Import history', 'Settings']);
});

test('every menu item opens the sidebar on its view', () => {
  const addon = loadAddon();
  for (const [item, view] of [['openHistory', 'history'], ['openSettings', 'settings'], ['openSidebar', 'import']] as const) {
    addon.run(item);
    const sidebar = addon.app.ui.sidebars.at(-1);
    assert.equal(sidebar?.title, 'Upflow import');
    assert.match(sidebar?.html ?? "", /<div id="app">/);
    assert.equal(addon.value('getSidebarState').initialView, view);
  }
});
