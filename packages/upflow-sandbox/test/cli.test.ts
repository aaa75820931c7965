import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { client, start, tempDir } from './helpers';

const tmp = tempDir();
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  tmp.cleanup();
});
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('command line', () => {
  // Generous limits: under npm test the sandbox starts through tsx beside every other test group on two cores.
  test('prints the listening line, serves, and flushes the file on SIGTERM', { timeout: 120_000 }, async () => {
    const dbFile = join(tmp.dir, 'cli.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/upflow-sandbox/main.ts', '--db', dbFile, '--rate', '1000'], {
      cwd: root,
      env: { ...process.env, UPFLOW_SANDBOX_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line; stderr: ${stderr}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const first = stdout.split('\n')[0];
        if (stdout.includes('\n') && first !== undefined) {
          clearTimeout(timer);
          resolve(first);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const match = /^Upflow sandbox listening on (http:\/\/127\.0\.0\.1:(\d+)) \(API base (http:\/\/127\.0\.0\.1:\d+\/v1)\)$/.exec(line);
    assert.ok(match, `line: ${line}`);
    const base = match[3] ?? '';
    const res = await fetch(`${base}/customers`, {
      method: 'POST',
      headers: { 'x-api-key': 'demo-key', 'x-api-secret': 'demo-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'From the CLI', externalId: 'CLI-1' }),
    });
    assert.equal(res.status, 201);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0, stderr);
    assert.ok(!stdout.includes('demo-secret') && !stderr.includes('demo-secret'));

    const reopened = await start({ dbFile });
    try {
      assert.equal((await client(reopened).get('/customers/external:CLI-1')).status, 200);
    } finally {
      await reopened.close();
    }
  });

  test('refuses bad arguments with a message', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/upflow-sandbox/main.ts', '--db', ':memory:', '--faults', '{"errorRate":5}'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(stderr, /--faults: errorRate/);
  });
});
