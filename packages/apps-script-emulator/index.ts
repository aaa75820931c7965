/// <reference types="google-apps-script" />
// Every emulated service implements its Apps Script interface (api-types.ts), typed by @types/google-apps-script.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parseA1 } from './a1';
import { CacheStore, EmulatedCacheService } from './cache';
import { type CellValue, isDate } from './cell';
import { displayValue } from './display';
import type { DocumentContext } from './document';
import { checkGrowth } from './grid-limits';
import { EmulatedHtmlService } from './html';
import { convertTyped } from './input-conversion';
import { EmulatedLockService, LockSlot, releaseLocksAtExecutionEnd } from './lock';
import { EmulatedLogger, LogRecorder } from './logger';
import { EmulatedMailApp, MailRecorder } from './mail';
import { type EmulatorJson, loadJson, toJson } from './persistence';
import { EmulatedPropertiesService, PropertyStore, type PropertyStores } from './properties';
import { checkedRect, EmulatedRange } from './range';
import { type AuthModeName, type RunOptions, Runtime, SIMPLE_TRIGGER_TIME_LIMIT_MS } from './runtime';
import { EmulatedScriptApp, TriggerRecorder } from './script-app';
import { returnedValue, sentArguments } from './script-run';
import { EmulatedSession, EmulatedUser } from './session';
import type { SheetModel } from './sheet-model';
import { EmulatedSpreadsheet } from './spreadsheet';
import { EmulatedSpreadsheetApp } from './spreadsheet-app';
import { toSerial } from './time-zone';
import { UiRecorder } from './ui';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_URL_FETCH_QUOTA, EmulatedUrlFetchApp } from './url-fetch';
import { EmulatedUtilities } from './utilities';
import { acceptsInput, rejectionText } from './validation-rule';
import { Workbook } from './workbook';

export type { EmulatorJson } from './persistence';
export type { AlertRecord, DialogRecord, MenuEntry, MenuRecord, SidebarRecord, ToastRecord, UiRecorder } from './ui';
export type { SentMail } from './mail';
export { ServiceException } from './exception';
export { ScriptRunError } from './script-run';
export { htmlFilesIn } from './project-files';

export interface AppsScriptOptions {
  spreadsheetName?: string;
  user?: { email: string };
  timeZone?: string;
  /** HTML files of the project by name, e.g. { Sidebar: '<html>...' }. */
  files?: Record<string, string>;
  /**
   * Clock for cache expiry, execution deadlines and, in a vm context, the script's own `Date`
   * (`Date.now()` and `new Date()`), so that the add-on and its services read one time.
   */
  now?: () => number;
  /**
   * How Utilities.sleep waits; by default it really blocks the thread. A test passes one that
   * moves its `now` forward instead (test/support/skipping-clock.ts), so that backoff costs nothing.
   */
  sleep?: (ms: number) => void;
  /** Per-request limit of UrlFetchApp (Apps Script's is about 60 s). */
  urlFetchTimeoutMs?: number;
  /** MailApp's daily recipient quota (100 for consumer accounts). */
  mailQuota?: number;
  /** Caption of the menu createAddonMenu() makes under Extensions. */
  addonName?: string;
  /** The manifest's URL prefixes UrlFetchApp may reach; by default those of this project's appsscript.json. */
  urlFetchWhitelist?: string[];
  /**
   * PLAYGROUND ONLY, no such thing in Apps Script: origins on this computer (the local Upflow
   * sandbox, e.g. http://127.0.0.1:4010) that a playground or test deployment may reach on top of
   * the manifest's list. Real deployments can reach neither: the list must be given explicitly.
   */
  playgroundOrigins?: string[];
  /** UrlFetchApp requests allowed today (20,000 on consumer accounts). */
  urlFetchQuota?: number;
}

/** The project's own manifest: what a deployment of this add-on may fetch. */
function projectWhitelist(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')) as { urlFetchWhitelist?: string[] };
  return manifest.urlFetchWhitelist ?? [];
}

export interface AppsScriptGlobals {
  SpreadsheetApp: EmulatedSpreadsheetApp;
  PropertiesService: EmulatedPropertiesService;
  CacheService: EmulatedCacheService;
  LockService: EmulatedLockService;
  Session: EmulatedSession;
  HtmlService: EmulatedHtmlService;
  MailApp: EmulatedMailApp;
  UrlFetchApp: EmulatedUrlFetchApp;
  Utilities: EmulatedUtilities;
  Logger: EmulatedLogger;
  ScriptApp: EmulatedScriptApp;
}

type Handler = (event: Record<string, unknown>) => unknown;

/**
 * The script's `Date` reads `now` for the current time; dates it makes are still the realm's own,
 * so `instanceof Date` holds for them and for the dates the services hand over.
 */
function followClock(context: vm.Context, RealmDate: DateConstructor, now: () => number): void {
  (context as { Date: DateConstructor }).Date = new Proxy(RealmDate, {
    construct: (target, args: unknown[], newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget) as object,
    apply: () => new RealmDate(now()).toString(),
    get: (target, key) => (key === 'now' ? now : (Reflect.get(target, key) as unknown)),
  });
}

/** One emulated Apps Script project bound to one spreadsheet. */
export class AppsScript {
  readonly calls;
  readonly ui: UiRecorder;
  readonly mail: MailRecorder;
  readonly logs = new LogRecorder();
  readonly triggers = new TriggerRecorder();
  readonly globals: AppsScriptGlobals;
  readonly spreadsheet: EmulatedSpreadsheet;
  private readonly rt: Runtime;
  private readonly doc: DocumentContext;
  private readonly properties: PropertyStores = { user: new PropertyStore(), document: new PropertyStore(), script: new PropertyStore() };
  private readonly userProperties = new Map<string, PropertyStore>();
  private readonly userCaches = new Map<string, CacheStore>();
  private readonly playgroundOrigins: string[];
  private target: object | undefined;
  private readonly clockGiven: boolean;

  constructor(options: AppsScriptOptions = {}) {
    const email = options.user?.email ?? 'demo@example.com';
    const timeZone = options.timeZone ?? 'Europe/Paris';
    const name = options.spreadsheetName ?? 'Untitled spreadsheet';
    this.rt = new Runtime(options.now ?? Date.now, email, options.sleep);
    this.clockGiven = options.now !== undefined;
    this.playgroundOrigins = [...(options.playgroundOrigins ?? [])];
    this.userProperties.set(email, this.properties.user);
    const userProperties = (who: string) => this.userProperties.get(who) ?? this.userProperties.set(who, new PropertyStore()).get(who)!;
    const userCache = (who: string) => this.userCaches.get(who) ?? this.userCaches.set(who, new CacheStore()).get(who)!;
    this.calls = this.rt.calls;
    this.ui = new UiRecorder(options.addonName ?? 'Add-on');
    this.mail = new MailRecorder(options.mailQuota ?? 100);
    const id = `1${createHash('sha256').update(`${name}:${email}`).digest('base64url').slice(0, 43)}`;
    this.doc = { rt: this.rt, book: new Workbook(id, name, timeZone), ui: this.ui, userEmail: email };
    const locks = { document: new LockSlot(), script: new LockSlot(), user: new LockSlot() };
    releaseLocksAtExecutionEnd(this.rt, locks);
    const rt = this.rt;
    this.globals = {
      SpreadsheetApp: new EmulatedSpreadsheetApp(this.doc),
      PropertiesService: new EmulatedPropertiesService(rt, this.properties, userProperties),
      CacheService: new EmulatedCacheService(rt, { user: userCache, document: new CacheStore(), script: new CacheStore() }),
      LockService: new EmulatedLockService(rt, locks),
      Session: new EmulatedSession(rt, timeZone),
      HtmlService: new EmulatedHtmlService(rt, options.files ?? {}, () => this.target ?? globalThis),
      MailApp: new EmulatedMailApp(rt, this.mail),
      UrlFetchApp: new EmulatedUrlFetchApp(rt, options.urlFetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS, {
        whitelist: options.urlFetchWhitelist ?? projectWhitelist(),
        playgroundOrigins: this.playgroundOrigins,
        quotaLeft: options.urlFetchQuota ?? DEFAULT_URL_FETCH_QUOTA,
      }),
      Utilities: new EmulatedUtilities(rt),
      Logger: new EmulatedLogger(rt, this.logs),
      ScriptApp: new EmulatedScriptApp(rt, this.triggers),
    };
    this.spreadsheet = new EmulatedSpreadsheet(this.doc);
  }

  static fromJSON(json: EmulatorJson, options?: AppsScriptOptions): AppsScript {
    return new AppsScript(options).load(json);
  }

  /**
   * Puts the services on `target` (globalThis or a node:vm context) and remembers it for
   * triggers and template scriptlets. Dates handed to a vm context are made with its own
   * `Date`, so the add-on's `instanceof Date` checks behave as in Apps Script.
   */
  install(target: object): this {
    Object.assign(target, this.globals);
    this.target = target;
    if (vm.isContext(target)) {
      const RealmDate = vm.runInContext('Date', target) as DateConstructor;
      this.doc.book.makeDate = (time) => new RealmDate(time);
      if (this.clockGiven) followClock(target, RealmDate, this.rt.now);
    }
    return this;
  }

  /** One execution: deadline enforced on every service call, its locks released at the end. */
  run<T>(fn: () => T, options?: RunOptions): T {
    return this.rt.run(fn, options);
  }

  /**
   * The sidebar calls `google.script.run[name](...args)`: the arguments are checked and copied as
   * Google does, the function runs as one execution, and its value comes back checked and copied
   * (a Date or a function on either side fails the call with a ScriptRunError).
   */
  scriptRun(name: string, args: readonly unknown[], options?: RunOptions): unknown {
    const sent = sentArguments(args);
    const fn = (this.target as Record<string, unknown> | undefined)?.[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return returnedValue(this.rt.run(() => (fn as (...a: unknown[]) => unknown)(...sent), options));
  }

  /**
   * PLAYGROUND ONLY (see AppsScriptOptions.playgroundOrigins): lets UrlFetchApp reach one more
   * local origin, such as a sandbox started after the emulator.
   */
  allowPlaygroundOrigin(origin: string): void {
    const { protocol, hostname } = new URL(origin);
    if (protocol !== 'http:' || !/^(127\.0\.0\.1|localhost)$/.test(hostname)) throw new Error(`Only a local origin can be a playground allowance, not ${origin}`);
    this.playgroundOrigins.push(new URL(origin).origin);
  }

  /**
   * Everything `fn` does (runs, edits, google.script.run calls) is done by another person using
   * the same document: their own user properties and user cache, the shared document properties.
   */
  asUser<T>(email: string, fn: () => T): T {
    return this.rt.asUser(email, fn);
  }

  /** The user opens the document: the simple trigger onOpen runs (NONE before the add-on is used there). */
  open(authMode: AuthModeName = 'LIMITED'): void {
    // A simple trigger's event names no user (see Runtime.visibleEmail).
    this.fire('onOpen', { authMode, source: this.spreadsheet, user: new EmulatedUser(this.rt, '') }, authMode);
  }

  /**
   * The user types `input` into one cell: Sheets converts it, applies data validation
   * (rejecting invalid input when the rule says so) and runs the simple trigger onEdit.
   */
  edit(sheetName: string, a1: string, input: string): void {
    const sheet = this.sheetNamed(sheetName);
    const { rect } = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    // Sheets shows no cell outside the grid to type into; the Range texts stand in [unconfirmed].
    const cell = checkedRect(sheet, rect.row, rect.column);
    const [r, c] = [cell.row - 1, cell.column - 1];
    const timeZone = this.doc.book.timeZone;
    const converted = convertTyped(input, sheet.numberFormats.get(r, c), timeZone);
    const rule = sheet.validations.get(r, c);
    if (rule && !rule.allowInvalid && !acceptsInput(rule, converted.value, displayValue(converted.value, sheet.numberFormats.get(r, c), timeZone))) {
      throw new Error(`There was a problem: ${rejectionText(rule)}`);
    }
    const hadContent = sheet.hasContent(r, c);
    const oldValue = sheet.valueAt(r, c);
    sheet.store(r, c, converted);
    const event: Record<string, unknown> = this.editEvent(sheet, cell);
    if (hadContent) event.oldValue = this.eventText(oldValue);
    if (input !== '') event.value = this.eventText(sheet.valueAt(r, c));
    this.fire('onEdit', event, 'LIMITED');
  }

  /** The user pastes a block: every cell is converted; onEdit gets the range, no value/oldValue. */
  paste(sheetName: string, a1: string, rows: string[][]): void {
    const sheet = this.sheetNamed(sheetName);
    const { rect } = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    const width = rows.reduce((widest, line) => Math.max(widest, line.length), 0);
    const block = { row: rect.row, column: rect.column, numRows: rows.length, numColumns: width };
    const grown = { rows: Math.max(sheet.maxRows, block.row + block.numRows - 1), columns: Math.max(sheet.maxColumns, block.column + block.numColumns - 1) };
    checkGrowth(this.doc.book.sheets, sheet, grown.rows, grown.columns);
    sheet.maxRows = grown.rows;
    sheet.maxColumns = grown.columns;
    rows.forEach((line, i) =>
      line.forEach((text, j) => {
        const [r, c] = [block.row - 1 + i, block.column - 1 + j];
        sheet.store(r, c, convertTyped(text, sheet.numberFormats.get(r, c), this.doc.book.timeZone));
      }),
    );
    this.fire('onEdit', this.editEvent(sheet, block), 'LIMITED');
  }

  toJSON(): EmulatorJson {
    return toJson(this.doc.book, this.properties);
  }

  load(json: EmulatorJson): this {
    loadJson(this.doc.book, this.properties, json);
    return this;
  }

  private sheetNamed(name: string): SheetModel {
    const sheet = this.doc.book.findSheet(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  private editEvent(sheet: SheetModel, rect: { row: number; column: number; numRows: number; numColumns: number }): Record<string, unknown> {
    return {
      authMode: 'LIMITED',
      range: new EmulatedRange(this.doc, sheet, rect),
      source: this.spreadsheet,
      user: new EmulatedUser(this.rt, ''),
      triggerUid: '',
    };
  }

  /** Event values are strings; a date is its serial number, as in real edit events. */
  private eventText(value: CellValue): string {
    if (isDate(value)) return String(toSerial(value.getTime(), this.doc.book.timeZone));
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return String(value);
  }

  private fire(name: 'onOpen' | 'onEdit', event: Record<string, unknown>, authMode: AuthModeName): void {
    const handler = (this.target as Record<string, unknown> | undefined)?.[name];
    if (typeof handler !== 'function') return;
    this.rt.run(() => (handler as Handler)(event), { authMode, timeLimitMs: SIMPLE_TRIGGER_TIME_LIMIT_MS });
  }
}

export function createAppsScript(options?: AppsScriptOptions): AppsScript {
  return new AppsScript(options);
}
