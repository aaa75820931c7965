import { UpflowClient, UpflowError } from '../engine/upflow/client';
import type { OrgData } from '../engine/rules';
import type { SettingsView } from '../shared/api';
import { readCredentials, readSettings } from './settings';
import { UserFacingError } from './result';
import { KEYS, type Organisation } from './store/keys';
import { readInParts, writeInParts } from './store/store';
import { urlFetchTransport } from './url-fetch-transport';

export type { Organisation } from './store/keys';

const cached = (): Organisation | null => readInParts(KEYS.organisation);
const remember = (org: Organisation): void => writeInParts(KEYS.organisation, org);

/** For an import: Upflow's full retry schedule. */
export function upflowClient(): UpflowClient {
  return new UpflowClient(urlFetchTransport, readCredentials());
}

/** For a question the user is waiting on in the sidebar: one quick retry, then an answer. */
export function interactiveClient(): UpflowClient {
  return new UpflowClient(urlFetchTransport, readCredentials(), 600, 1);
}

export function isConnected(settings: SettingsView = readSettings()): boolean {
  return settings.hasApiKey && settings.hasApiSecret;
}

export function fetchOrganisation(client = upflowClient()): Organisation {
  const org = { members: client.listMembers(), workflows: client.listWorkflows() };
  remember(org);
  return org;
}

/** For the steps of an import: what the import's start just read, else a fresh read. */
export function cachedOrganisation(): Organisation {
  return cached() ?? fetchOrganisation();
}

/** For a new template's dropdowns: the organisation when connected and Upflow answers, else null. */
export function organisationIfReachable(): Organisation | null {
  if (!isConnected()) return null;
  try {
    return fetchOrganisation(interactiveClient());
  } catch {
    return null;
  }
}

/**
 * The organisation's members and workflows for the checks against Upflow, or null when not
 * connected or unreachable (the reason goes to `notices`: the rest of the checks still run).
 */
export function loadOrganisation(notices: string[], offline: boolean, settings: SettingsView): OrgData | null {
  if (!isConnected(settings)) {
    notices.push('Connect to Upflow in Settings to also check account managers and workflows against your organisation.');
    return null;
  }
  const known = cached();
  if (known) return known;
  if (offline) return null;
  try {
    return fetchOrganisation(interactiveClient());
  } catch (error) {
    if (error instanceof UpflowError || error instanceof UserFacingError) {
      notices.push(`Account managers and workflows were not checked against Upflow: ${error.message}`);
      return null;
    }
    throw error;
  }
}
