/**
 * One browser test's world: a playground on free ports with a temporary data folder, its own
 * Upflow sandbox, a browser context of its own on its page, and everything closed when the test
 * ends, passed or failed. The browser tests of one process share one Chromium (a context shares
 * no cookie, storage or page with another) and run their sandboxes in this process, which only
 * waits on them: the add-on's thread, which blocks while it waits on HTTP, is the playground's.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, type TestContext } from 'node:test';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { type Sandbox, startSandbox } from '@upflow-sheets/upflow-sandbox';
import { loadSeed } from '@upflow-sheets/upflow-sandbox/seed';
import { chromiumAvailable, launchChromium } from './chromium';
import { type PlaygroundThread, startPlaygroundThread } from '@upflow-sheets/playground/thread';

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
/**
 * Longer than Playwright's own 30 s, well inside each test's limit: `npm test` runs the browser
 * tests six at a time beside the other groups on two cores, where a wait that takes a second
 * alone has taken over 15 s (the mapping shown after a CSV upload, in CI). A hang still fails.
 */
const STEP_TIMEOUT_MS = 45_000;

export interface Session {
  /** The running playground; a new one after `restart()`. */
  playground: PlaygroundThread;
  page: Page;
  /** The add-on's sidebar (the iframe beside the grid). */
  sidebar: FrameLocator;
  /** Messages of every alert/confirm/prompt a page opened: there must be none. */
  dialogs: string[];
  /** Uncaught errors and console errors (a failed load, a refused script) of the pages and the sidebar. */
  pageErrors: string[];
  cell(a1: string): Locator;
  /** Stops the playground and starts another on the same data folder, as `npm start` again would (the sandbox keeps running). */
  restart(): Promise<void>;
  /** Saves the playground (grid and sidebar side by side), or all of another page, as test-output/<name>.png. */
  screenshot(name: string, other?: Page): Promise<string>;
  /** A request to the sandbox's API with the seeded organisation's credentials. */
  sandboxApi<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Replaces the sandbox's fault configuration (e.g. `{ slowMs: 150 }`). */
  sandboxFaults(faults: Record<string, number>): Promise<void>;
}

export interface SessionOptions {
  /**
   * The add-on's clock runs this many times faster than real time, and Utilities.sleep costs no
   * time (packages/playground/test-clock.ts); default: real time and real sleeps.
   */
  clockSpeed?: number;
}

let browser: Promise<Browser> | null = null;
// After the last test of the process (or of the group that imported this file).
after(async () => {
  await (await browser?.catch(() => null))?.close();
});

export async function openSession(t: TestContext, options: SessionOptions = {}): Promise<Session | null> {
  if (!chromiumAvailable(t)) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'upflow-playground-'));
  const logs: string[] = [];
  let sandbox: Sandbox | null = null;
  let playground: PlaygroundThread | null = null;
  let context: BrowserContext | null = null;
  // One hook, in this order: the pages first, so none reconnects while the servers stop.
  t.after(async () => {
    await context?.close().catch(() => undefined);
    await playground?.close();
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (logs.length) t.diagnostic(`playground log:\n${logs.join('\n')}`);
  });
  sandbox = await startSandbox({ port: 0, dbFile: join(dataDir, 'sandbox.sqlite') });
  const threadOptions = { port: 0, dataDir, sandboxOrigin: sandbox.origin, ...(options.clockSpeed ? { testClockSpeed: options.clockSpeed } : {}) };
  const start = () => startPlaygroundThread(threadOptions, (line) => logs.push(line));
  playground = await start();
  browser ??= launchChromium();

  context = await (await browser).newContext({ viewport: { width: 1440, height: 860 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  // Every page of the context, the sandbox's included, frames (the sidebar) included.
  context.on('page', (opened) => {
    opened.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    opened.on('pageerror', (error) => pageErrors.push(error.message));
    opened.on('console', (message) => {
      const where = message.location().url;
      // The browser asks every site for an icon by itself; the sandbox has none.
      if (message.type() === 'error' && !where.endsWith('/favicon.ico')) pageErrors.push(`console: ${message.text()} (${where})`);
    });
  });
  const page = await context.newPage();
  await page.goto(playground.url);

  const { apiKey, apiSecret } = loadSeed(undefined);
  mkdirSync(OUTPUT, { recursive: true });
  const session: Session = {
    playground,
    page,
    sidebar: page.frameLocator('[data-testid="sidebar-frame"]'),
    dialogs,
    pageErrors,
    cell: (a1) => page.locator(`[data-cell="${a1}"]`),
    async restart() {
      // Left open, the page would try to reconnect to the stopped server and log the failure.
      await page.goto('about:blank');
      await playground?.close();
      playground = null;
      playground = await start();
      session.playground = playground;
      await page.goto(playground.url);
    },
    async screenshot(name, other) {
      const path = join(OUTPUT, `${name}.png`);
      await (other ?? page).screenshot({ path, fullPage: other !== undefined });
      return path;
    },
    async sandboxApi<T>(method: string, path: string, body?: unknown) {
      const headers: Record<string, string> = { 'x-api-key': apiKey, 'x-api-secret': apiSecret };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${session.playground.sandboxApi}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async sandboxFaults(faults) {
      const response = await fetch(`${session.playground.sandboxPage}_admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      });
      if (!response.ok) throw new Error(`The sandbox refused the faults (HTTP ${response.status}).`);
    },
  };
  return session;
}

/** Polls `check` until it holds; fails with `what` after the step timeout. */
export async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a grid cell shows the add-on's mark: a colour (set as an inline style) and a note. */
export async function isMarked(cell: Locator): Promise<boolean> {
  const [style, classes] = await Promise.all([cell.getAttribute('style'), cell.getAttribute('class')]);
  return (style ?? '').includes('background-color') && (classes ?? '').split(' ').includes('has-note');
}

export async function isUnmarked(cell: Locator): Promise<boolean> {
  const [style, classes] = await Promise.all([cell.getAttribute('style'), cell.getAttribute('class')]);
  return !(style ?? '').includes('background-color') && !(classes ?? '').split(' ').includes('has-note');
}

/**
 * Runs the steps of one scenario as subtests, in order: each reports its own time, and once one
 * fails the rest are skipped instead of failing for the same reason. A failed step leaves a
 * screenshot, test-output/failed-<scenario>.png, of what the page showed then.
 */
export function stepper(t: TestContext, s: Session, scenario: string): (name: string, body: () => Promise<void>) => Promise<void> {
  let failed = false;
  return (name, body) =>
    t.test(name, async (st) => {
      if (failed) {
        st.skip('an earlier step failed');
        return;
      }
      try {
        await body();
      } catch (error) {
        failed = true;
        const shot = await s.screenshot(`failed-${scenario}`).catch(() => null);
        if (shot) st.diagnostic(`screenshot: ${shot}`);
        throw error;
      }
    });
}
