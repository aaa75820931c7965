import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_KEY, DEMO_SECRET } from './sandbox-process';

/**
 * The command line as `node build.mjs` bundles it: the tests run it dozens of times, and it starts
 * in a tenth of the time bin/upflow-sheets.mjs takes through tsx (test/cli/check-command.test.ts
 * checks both answer alike).
 */
export const CLI = fileURLToPath(new URL('../../build/upflow-sheets.mjs', import.meta.url));

/** Runs the CLI without blocking this process (the sandbox answers from another one anyway), with the demo credentials by default. */
export function runCli(args: string[], env: Record<string, string> = { UPFLOW_API_KEY: DEMO_KEY, UPFLOW_API_SECRET: DEMO_SECRET }) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
