import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createAppsScript, htmlFilesIn, type AppsScript, type AppsScriptOptions } from '@upflow-sheets/apps-script-emulator';
import type { Result } from '../../src/shared/api';
import type { ServerFunctionName, ServerFunctions } from '../../src/server/api';

const dist = (file: string) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');

export interface Addon {
  app: AppsScript;
  context: vm.Context;
  /** Calls a sidebar function as google.script.run does: checked copies in and out, one execution. */
  call<K extends ServerFunctionName>(name: K, ...args: Parameters<ServerFunctions[K]>): ReturnType<ServerFunctions[K]>;
  /** Like call, but fails the test on an error value. */
  value<K extends ServerFunctionName>(name: K, ...args: Parameters<ServerFunctions[K]>): Extract<ReturnType<ServerFunctions[K]>, { ok: true }>['value'];
  /** Like call, in an execution that Apps Script stops after `timeLimitMs` (the 6-minute limit acted out). */
  callWithin<K extends ServerFunctionName>(timeLimitMs: number, name: K, ...args: Parameters<ServerFunctions[K]>): ReturnType<ServerFunctions[K]>;
  /**
   * Saves the settings that connect the add-on to a local Upflow sandbox. Only a playground
   * deployment can reach one (the manifest allows Upflow's own addresses): its origin is allowed
   * explicitly, as the playground does.
   */
  connect(apiBaseUrl: string, apiKey: string, apiSecret: string): void;
  /** Runs a top-level function (a menu item) as one execution. */
  run(name: string, timeLimitMs?: number): unknown;
}

/** The built dist/Code.js in a fresh vm context (no Node globals) with the emulator's services. */
export function loadAddon(options: AppsScriptOptions = {}): Addon {
  const app = createAppsScript({ addonName: 'Upflow import', files: htmlFilesIn(new URL('../../dist/', import.meta.url)), ...options });
  const context = vm.createContext({});
  app.install(context);
  vm.runInContext(dist('Code.js'), context, { filename: 'Code.js' });
  const fn = (name: string) => {
    const f = (context as Record<string, unknown>)[name];
    if (typeof f !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
    return f as (...args: unknown[]) => unknown;
  };
  const callWithin = (timeLimitMs: number | undefined, name: string, ...args: unknown[]) => {
    fn(name);
    return app.scriptRun(name, args, timeLimitMs ? { timeLimitMs } : undefined);
  };
  const call = (name: string, ...args: unknown[]) => callWithin(undefined, name, ...args);
  return {
    app,
    context,
    call: call as Addon['call'],
    value: ((name: string, ...args: unknown[]) => {
      const result = call(name, ...args) as Result<unknown>;
      if (!result.ok) throw new Error(`${name} answered ${result.error.code}: ${result.error.message}`);
      return result.value;
    }) as Addon['value'],
    callWithin: callWithin as Addon['callWithin'],
    connect(apiBaseUrl, apiKey, apiSecret) {
      app.allowPlaygroundOrigin(new URL(apiBaseUrl).origin);
      const saved = call('saveSettings', {
        environment: 'custom',
        apiBaseUrl,
        apiKey,
        apiSecret,
        clearCredentials: false,
        sourceSystem: 'API',
        defaultCountry: 'FR',
        notifyEmail: false,
        notifyEmailAddress: '',
        notifySlack: false,
        slackWebhookUrl: '',
        clearSlackWebhook: false,
      }) as Result<unknown>;
      if (!saved.ok) throw new Error(saved.error.message);
    },
    run: (name, timeLimitMs) => app.run(() => fn(name)(), timeLimitMs ? { timeLimitMs } : undefined),
  };
}

/** Pastes rows into a sheet (created if needed) as a user would: Sheets' conversions apply, onEdit runs. */
export function paste(addon: Addon, sheetName: string, rows: string[][]): void {
  const spreadsheet = addon.app.globals.SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet.getSheetByName(sheetName)) spreadsheet.insertSheet(sheetName);
  addon.app.paste(sheetName, 'A1', rows);
}
