// Builds the add-on into dist/: Code.js (server bundle + Apps Script entry points),
// Sidebar.html (one file, JS and CSS inlined) and appsscript.json.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { lazyPhoneMetadata, pureZodCalls } from './scripts/bundle-plugins.mjs';

const require = createRequire(import.meta.url);
const { generate } = require('gas-entry-generator');

const outdir = new URL('./dist/', import.meta.url);
await mkdir(outdir, { recursive: true });

async function buildServer() {
  const result = await build({
    entryPoints: ['src/server/main.ts'],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    // Every execution parses the whole file: a smaller one starts faster.
    minify: true,
    // Apps Script runs files as classic scripts: `this` at top level is the global object.
    banner: { js: 'var global = this;' },
    // papaparse reaches for Node's stream only in its Node streaming mode, which we never use.
    external: ['stream'],
    plugins: [pureZodCalls, lazyPhoneMetadata],
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const { entryPointFunctions } = generate(bundle, { comment: false });
  // Top-level declarations make the functions visible to Apps Script (menus, triggers,
  // google.script.run); the bundle then replaces each with its implementation.
  const code = `${entryPointFunctions}\n${bundle}`;
  await writeFile(new URL('Code.js', outdir), code);
  return code.length;
}

async function buildSidebar() {
  const [html, css, js] = await Promise.all([
    readFile('sidebar/index.html', 'utf8'),
    readFile('sidebar/styles.css', 'utf8'),
    build({
      entryPoints: ['sidebar/main.ts'],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      write: false,
      charset: 'utf8',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    }).then((r) => r.outputFiles[0].text),
  ]);
  // A closing script tag inside the inlined bundle would end the element early.
  const safeJs = js.replace(/<\/script/gi, '<\\/script');
  const page = html
    .replace('<!-- styles -->', () => `<style>\n${css}</style>`)
    .replace('<!-- script -->', () => `<script>\n${safeJs}</script>`);
  await writeFile(new URL('Sidebar.html', outdir), page);
  return page.length;
}

const [codeSize, sidebarSize] = await Promise.all([buildServer(), buildSidebar()]);
await copyFile('appsscript.json', new URL('appsscript.json', outdir));
if (!process.argv.includes('--quiet')) {
  console.log(`dist/Code.js ${(codeSize / 1024).toFixed(0)} KB, dist/Sidebar.html ${(sidebarSize / 1024).toFixed(0)} KB`);
}
