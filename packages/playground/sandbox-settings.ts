/**
 * Points the add-on at the local sandbox, as a user saving the sidebar's Settings would: the
 * keys of src/server/settings.ts in the emulated user properties. The key and secret stay in
 * that store (and the playground's data file); the page is never sent them.
 */
import type { AppsScript } from '@upflow-sheets/apps-script-emulator';
import { loadSeed } from '@upflow-sheets/upflow-sandbox/seed';

export interface SandboxConnection {
  /** The API base, ".../v1". */
  apiBaseUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** The seeded organisation's credentials (packages/upflow-sandbox/seed.json), with the sandbox's address. */
export function seededConnection(apiBaseUrl: string): SandboxConnection {
  const { apiKey, apiSecret } = loadSeed(undefined);
  return { apiBaseUrl, apiKey, apiSecret };
}

export function connectToSandbox(app: AppsScript, connection: SandboxConnection): void {
  app.globals.PropertiesService.getUserProperties().setProperties({
    'upflow.environment': 'custom',
    'upflow.apiBaseUrl': connection.apiBaseUrl,
    'upflow.apiKey': connection.apiKey,
    'upflow.apiSecret': connection.apiSecret,
  });
}
