/**
 * The sidebar bundle carries no parser: what it needs of the engine comes from zod-free tables
 * (src/engine/source-system.ts, environments.ts, slack-webhook.ts, email-address.ts). Built as
 * build.mjs builds dist/Sidebar.html, with esbuild's list of the files that went in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';

test('no file of zod enters the sidebar bundle, while the engine tables it shares with the server do', async () => {
  const result = await build({
    entryPoints: ['sidebar/main.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.deepEqual(
    inputs.filter((file) => file.includes('node_modules/zod/') || file === 'src/engine/zod.ts'),
    [],
  );
  for (const shared of ['src/engine/source-system.ts', 'src/engine/environments.ts', 'src/engine/slack-webhook.ts', 'src/engine/email-address.ts']) {
    assert.ok(inputs.includes(shared), `${shared} is in the bundle`);
  }
});
