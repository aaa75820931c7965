// Builds the add-on into dist/: Code.js (server bundle + Apps Script entry points),
// Sidebar.html (one file, JS and CSS inlined), the data files Code.js reads on first use
// (scripts/bundle-plugins.mjs) and appsscript.json. Also the command line as one Node file,
// build/upflow-sheets.mjs, which the tests run.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import vm from 'node:vm';
import { projectDataFiles, projectDataModules, pureZodCalls } from './scripts/bundle-plugins.mjs';

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
    plugins: [pureZodCalls, projectDataModules],
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  // Top-level declarations make the functions visible to Apps Script (menus, triggers,
  // google.script.run); the bundle then replaces each with its implementation.
  const entryPoints = entryPointNames(bundle)
    .map((name) => `function ${name}() {}`)
    .join('\n');
  const code = `${entryPoints}\n${bundle}`;
  await writeFile(new URL('Code.js', outdir), code);
  return code.length;
}

/**
 * The functions the bundle puts on the global object (src/server/entry-points.ts), found by
 * loading it in an empty context: loading touches no Apps Script service, as every execution
 * loads the whole file.
 */
function entryPointNames(bundle) {
  const context = vm.createContext({});
  try {
    vm.runInContext(bundle, context);
  } catch (error) {
    throw new Error(`dist/Code.js must load without Apps Script's services (they are for calls, not for loading): ${error.message}`);
  }
  return Object.keys(context).filter((name) => typeof context[name] === 'function');
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
  const page = html.replace('<!-- styles -->', () => `<style>\n${css}</style>`).replace('<!-- script -->', () => `<script>\n${safeJs}</script>`);
  await writeFile(new URL('Sidebar.html', outdir), page);
  return page.length;
}

/**
 * The command line in one file: it starts in a tenth of the time the TypeScript takes through tsx
 * (bin/upflow-sheets.mjs), which matters to tests that run it dozens of times. Outside dist/,
 * which is what clasp sends to Apps Script.
 */
async function buildCli() {
  await build({
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: 'build/upflow-sheets.mjs',
    charset: 'utf8',
    legalComments: 'none',
    // The CommonJS packages bundled into an ES module reach Node's own modules through require.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // The synchronous HTTP client starts its worker from the file beside it (packages/sync-http/index.ts).
  await copyFile('packages/sync-http/worker.mjs', 'build/worker.mjs');
}

async function writeProjectData() {
  await Promise.all(Object.entries(projectDataFiles()).map(([name, content]) => writeFile(new URL(`${name}.html`, outdir), content)));
}

const [codeSize, sidebarSize] = await Promise.all([buildServer(), buildSidebar(), writeProjectData(), buildCli()]);
await copyFile('appsscript.json', new URL('appsscript.json', outdir));
if (!process.argv.includes('--quiet')) {
  console.log(`dist/Code.js ${(codeSize / 1024).toFixed(0)} KB, dist/Sidebar.html ${(sidebarSize / 1024).toFixed(0)} KB`);
}
