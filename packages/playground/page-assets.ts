/** The page's files: index.html and styles.css as they are, page.ts bundled by esbuild at start. */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface PageAssets {
  html: string;
  css: string;
  js: string;
}

const PAGE_DIR = new URL('./page/', import.meta.url);

export async function pageAssets(): Promise<PageAssets> {
  const [html, css, bundle] = await Promise.all([
    readFile(new URL('index.html', PAGE_DIR), 'utf8'),
    readFile(new URL('styles.css', PAGE_DIR), 'utf8'),
    build({
      entryPoints: [fileURLToPath(new URL('page.ts', PAGE_DIR))],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      write: false,
      charset: 'utf8',
      logLevel: 'warning',
    }),
  ]);
  return { html, css, js: bundle.outputFiles[0]!.text };
}
