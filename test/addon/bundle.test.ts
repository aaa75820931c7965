import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { loadAddon } from './harness';
import { serverFunctions } from '../../src/server/api';
import { entryPoints } from '../../src/server/entry-points';

const code = () => readFileSync(new URL('../../dist/Code.js', import.meta.url), 'utf8');

test('dist/Code.js runs in a bare V8 context, as Apps Script runs it', () => {
  const addon = loadAddon();
  const globals = addon.context as Record<string, unknown>;
  assert.equal(typeof globals.process, 'undefined', 'no Node globals leak into the bundle');
  assert.equal(typeof globals.require, 'undefined');
});

test('every function of the table, trigger and menu item is a top-level function of dist/Code.js, and nothing else is', () => {
  assert.ok(Object.keys(serverFunctions).length > 20, 'the table is read');
  assert.deepEqual(
    Object.keys(entryPoints).filter((name) => name in serverFunctions),
    Object.keys(serverFunctions),
  );
  for (const name of ['onOpen', 'onInstall', 'onEdit', 'openSidebar']) assert.ok(name in entryPoints, name);
  // Top-level declarations only, before the bundle runs: what Apps Script lists as the script's functions.
  const declared = new vm.Script(code().slice(0, code().indexOf('var global = this;')));
  const context = vm.createContext({});
  declared.runInContext(context);
  assert.deepEqual(Object.keys(context).sort(), Object.keys(entryPoints).sort());
});

test('the sidebar reaches the server only through google.script.run, never through its services', () => {
  const page = readFileSync(new URL('../../dist/Sidebar.html', import.meta.url), 'utf8');
  for (const service of ['SpreadsheetApp', 'PropertiesService', 'CacheService', 'UrlFetchApp', 'LockService', 'HtmlService', 'MailApp', 'ScriptApp']) {
    assert.doesNotMatch(page, new RegExp(`\\b${service}\\b`), service);
  }
});

test('every argument is parsed at the edge: a wrong one is an error value saying what to do', () => {
  const addon = loadAddon();
  const call = addon.call.bind(addon) as (name: string, ...args: unknown[]) => { ok: boolean; error?: { code: string; message: string } };
  for (const [name, args, code] of [
    ['checkSheet', [42], 'REQUEST_INVALID'],
    ['checkSheet', ['Sheet1', 'extra'], 'REQUEST_INVALID'],
    ['getMapping', ['Sheet1', 'nope'], 'TEMPLATE_UNKNOWN'],
    ['jumpToCell', ['Sheet1', 'A0'], 'CELL_INVALID'],
    ['startImport', [{ sheetName: 'Sheet1' }], 'IMPORT_INVALID'],
    ['applyFixesUndoable', [{ fix: { sheetName: 'Sheet1', cell: null, code: null }, batch: '' }], 'FIX_INVALID'],
    ['saveSettings', [{ environment: 'production' }], 'SETTINGS_INVALID'],
  ] as const) {
    const answer = call(name, ...args);
    assert.equal(answer.ok, false, `${name}(${JSON.stringify(args)})`);
    assert.equal(answer.error?.code, code, `${name}(${JSON.stringify(args)})`);
    assert.match(answer.error?.message ?? '', /\.$/, 'a sentence for a sales person');
  }
});

test('onOpen builds the add-on menu in the limited mode an add-on starts in', () => {
  const addon = loadAddon();
  addon.app.open('NONE');
  const menu = addon.app.ui.menus[0];
  assert.ok(menu, 'a menu was added');
  assert.deepEqual(
    menu.items.map((i) => ('caption' in i ? i.caption : '---')),
    ['Open', '---', 'Insert a template…', 'Import a CSV file…', 'Import history', 'Settings'],
  );
});

test('every menu item opens the sidebar on its view', () => {
  const addon = loadAddon();
  for (const [item, view] of [
    ['openHistory', 'history'],
    ['openSettings', 'settings'],
    ['openSidebar', 'import'],
  ] as const) {
    addon.run(item);
    const sidebar = addon.app.ui.sidebars.at(-1);
    assert.equal(sidebar?.title, 'Upflow import');
    assert.match(sidebar?.html ?? '', /<div id="app">/);
    assert.equal(addon.value('getSidebarState').initialView, view);
  }
});
