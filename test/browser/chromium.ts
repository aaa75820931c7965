/**
 * Debian's Chromium driven by playwright-core (no downloaded browser). Without it the browser
 * tests skip, except on CI, where a missing browser must not pass for a green run.
 */
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_MISSING = 'Chromium is not installed: run `apt-get install -y chromium` (Debian) to run the browser tests.';

/** True when the test can go on; otherwise it has been skipped (or, on CI, this throws). */
export function chromiumAvailable(t: TestContext): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM_MISSING} (CI is set: the browser tests may not be skipped.)`);
  t.skip(CHROMIUM_MISSING);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
