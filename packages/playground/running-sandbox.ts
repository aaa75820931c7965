/**
 * TEST ONLY (`sandboxOrigin` in server.ts): an Upflow sandbox some other code started and stops,
 * reached over HTTP as the playground reaches its own child process.
 */
import { resetSandboxAt, type RunningSandbox } from '@upflow-sheets/upflow-sandbox/process';

export function runningSandbox(origin: string): RunningSandbox {
  return {
    origin,
    api: `${origin}/v1`,
    reset: () => resetSandboxAt(origin),
    // Its owner stops it.
    stop: () => Promise.resolve(),
  };
}
