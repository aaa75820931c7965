/**
 * The emulated spreadsheet with the built add-on bound to it, and what a user can do to it from
 * the page: type in a cell, paste, select, pick a menu item, use the sidebar, start over.
 */
import { type AppsScript, createAppsScript, type EmulatorJson } from '@upflow-sheets/apps-script-emulator';
import type { AddOnClock } from './test-clock';
import type { SavedPlayground } from './persistence';
import type { InputSheet } from './read-input-file';
import { connectToSandbox, type SandboxConnection } from './sandbox-settings';
import { activeRangeA1, gridView, sheetTabs } from './sheet-view';
import { buildStartingSheet } from './starting-sheet';
import { menuFunctions, menusView, NoticeLog, sidebarView } from './ui-view';
import type { PlaygroundState } from './view-types';
import { type AddOnHost, type CallOutcome, loadAddOn } from './vm-host';

/** The playground's user: a member of the seeded organisation. */
const PLAYGROUND_USER = 'camille.dubois@example.com';

export interface DocumentOptions {
  /** dist/Code.js and the project's HTML files (the sidebar, the data Code.js reads). */
  code: string;
  files: Record<string, string>;
  input: InputSheet | null;
  /** The state a previous run saved for the same input, if any. */
  saved: EmulatorJson | null;
  connection: SandboxConnection;
  log: (line: string) => void;
  /** TEST ONLY (test-clock.ts); by default the add-on reads real time and really sleeps. */
  clock?: AddOnClock;
}

export class PlaygroundDocument {
  private readonly app: AppsScript;
  private readonly addOn: AddOnHost;
  private readonly notices: NoticeLog;
  private readonly starting: EmulatorJson;

  constructor(private readonly options: DocumentOptions) {
    this.app = createAppsScript({
      spreadsheetName: options.input ? options.input.name : 'Customers to import (demo)',
      user: { email: PLAYGROUND_USER },
      files: options.files,
      addonName: 'Upflow import',
      // The local sandbox: reachable from this playground only, never from a real deployment.
      playgroundOrigins: [new URL(options.connection.apiBaseUrl).origin],
      ...options.clock,
    });
    this.addOn = loadAddOn(this.app, options.code, options.log);
    this.notices = new NoticeLog(this.app);
    connectToSandbox(this.app, options.connection);
    buildStartingSheet(this.app, this.addOn, options.input);
    this.starting = this.app.toJSON();
    if (options.saved) this.app.load(options.saved);
    this.openDocument();
  }

  /** A google.script.run call from the sidebar: one execution. */
  call(name: string, argsJson: string): CallOutcome {
    return this.addOn.call(name, argsJson);
  }

  /** The user types into one cell (the add-on's onEdit runs); throws what Sheets would say. */
  edit(sheet: string, cell: string, input: string): void {
    this.app.edit(sheet, cell, input);
  }

  paste(sheet: string, cell: string, rows: string[][]): void {
    this.app.paste(sheet, cell, rows);
  }

  /** Selects a range, or shows a sheet when `range` is null. */
  select(sheetName: string, range: string | null): void {
    const sheet = this.app.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}".`);
    if (range === null) sheet.activate();
    else sheet.getRange(range).activate();
  }

  runMenuItem(functionName: string): CallOutcome {
    if (!menuFunctions(this.app).has(functionName)) return { kind: 'throw', message: `No menu item runs ${functionName}.` };
    return this.call(functionName, '[]');
  }

  /** Back to the starting sheet, as the user first saw it. */
  restart(): void {
    this.app.load(this.starting);
    this.openDocument();
  }

  snapshot(source: string): SavedPlayground {
    return { version: 1, source, emulator: this.app.toJSON() };
  }

  /** The HTML of the n-th sidebar the add-on showed (1-based), as HtmlService built it. */
  sidebarHtml(seq: number): string | null {
    return this.app.ui.sidebars[seq - 1]?.html ?? null;
  }

  state(version: number, sandboxPage: string): PlaygroundState {
    this.notices.collect();
    return {
      version,
      spreadsheetName: this.app.spreadsheet.getName(),
      tabs: sheetTabs(this.app),
      activeRange: activeRangeA1(this.app),
      grid: gridView(this.app),
      menus: menusView(this.app),
      sidebar: sidebarView(this.app),
      notices: this.notices.list(),
      sandboxPage,
    };
  }

  /**
   * What opening the spreadsheet does: onOpen builds the menu. The playground then opens the
   * sidebar, as the user's first click on Extensions > Upflow import > Open would. The port of
   * the sandbox may have changed since the state was saved: settings point at it again.
   */
  private openDocument(): void {
    connectToSandbox(this.app, this.options.connection);
    this.app.open();
    const opened = this.addOn.call('openSidebar', '[]');
    if (opened.kind === 'throw') this.options.log(`openSidebar failed: ${opened.message}`);
  }
}
