import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_KEY, DEMO_SECRET } from './sandbox-process';

const bin = fileURLToPath(new URL('../../bin/upflow-sheets.mjs', import.meta.url));

/** Runs the CLI without blocking this process (the sandbox answers from another one anyway), with the demo credentials by default. */
export function runCli(args: string[], env: Record<string, string> = { UPFLOW_API_KEY: DEMO_KEY, UPFLOW_API_SECRET: DEMO_SECRET }) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
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
