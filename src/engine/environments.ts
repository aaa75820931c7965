/**
 * The Upflow APIs the add-on can talk to. A deployed add-on reaches only the addresses of the
 * manifest's urlFetchWhitelist (appsscript.json: Upflow's production and sandbox APIs), in test
 * deployments too; any other address can only be the local playground's sandbox (`npm start`),
 * which runs the add-on on this computer. Plain tables without zod: the sidebar says before Save
 * what the server refuses on save (src/server/settings.ts), from these same lines.
 */
export const ENVIRONMENTS = ['production', 'sandbox', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const API_URLS: Record<Exclude<Environment, 'custom'>, string> = {
  production: 'https://api.upflow.io/v1',
  sandbox: 'https://api.sandbox.upflow.io/v1',
};

const PLAYGROUND_URL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/\S*)?$/;

/** The address as it is kept: no spaces around it, no slash at its end. */
export const apiBaseUrl = (typed: string): string => typed.trim().replace(/\/+$/, '');

/** A custom address the add-on can reach: the local playground's sandbox. */
export const isPlaygroundUrl = (typed: string): boolean => PLAYGROUND_URL.test(apiBaseUrl(typed));
