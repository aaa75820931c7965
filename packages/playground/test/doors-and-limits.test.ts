import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PlaygroundThread, startPlaygroundThread } from '../thread';
import type { PlaygroundState } from '../view-types';

let playground: PlaygroundThread;
let dataDir: string;
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'upflow-playground-'));
  playground = await startPlaygroundThread({ port: 0, sandboxPort: 0, dataDir }, () => {});
});
after(async () => {
  await playground.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = async (path: string, body: unknown) => {
  const response = await fetch(new URL(path, playground.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as { ok: boolean; error?: string };
};
const state = async () => (await (await fetch(new URL('/state', playground.url))).json()) as PlaygroundState;

/** A raw request with the Host and Origin a browser page on another site would send. */
function knock(method: string, path: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(playground.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the playground', () => {
  test("a paste at ZZZ9999999 is refused with Google's own words and the sheet keeps its size", async () => {
    const before = await state();
    const sheet = before.grid.sheet;
    const refused = await post('/paste', { sheet, cell: 'ZZZ9999999', rows: [['x']] });
    assert.deepEqual(refused, { ok: false, error: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.' });
    assert.deepEqual(await post('/edit', { sheet, cell: 'ZZZ9999999', input: 'x' }), { ok: false, error: 'Those rows are out of bounds.' }, 'no typing outside the grid either');
    const after = await state();
    assert.equal(after.grid.lastRow, before.grid.lastRow);
    assert.equal(after.grid.maxRows, before.grid.maxRows);
    assert.equal(after.grid.maxColumns, before.grid.maxColumns);
    assert.deepEqual(await post('/paste', { sheet, cell: 'AB1200', rows: [['inside the limits']] }), { ok: true });
    assert.equal((await state()).grid.maxRows, 1200, 'a paste within the limits still grows the sheet');
  });

  test('refuses foreign Host headers and writes from other sites, as the sandbox does', async () => {
    const { host } = new URL(playground.url);
    assert.equal(await knock('GET', '/state', { host: `evil.example:${new URL(playground.url).port}` }), 403);
    assert.equal(await knock('POST', '/reset', { host, origin: 'https://evil.example' }), 403);
    assert.equal(await knock('POST', '/reset', { host, 'content-type': 'text/plain' }), 403);
    assert.equal(await knock('GET', '/state', { host }), 200);
  });
});
