import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The HTML files of an Apps Script project as clasp pushes them from its folder (dist/), by name
 * without ".html": what HtmlService.createHtmlOutputFromFile reads.
 */
export function htmlFilesIn(dir: string | URL): Record<string, string> {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir);
  return Object.fromEntries(
    readdirSync(path)
      .filter((name) => name.endsWith('.html'))
      .map((name) => [name.slice(0, -'.html'.length), readFileSync(join(path, name), 'utf8')]),
  );
}
