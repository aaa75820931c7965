import { UpflowClient, UpflowError } from '../engine/upflow/client';
import type { DunningPlan, Member } from '../engine/upflow/schemas';
import type { OrgData } from '../engine/validate';
import type { SettingsView } from '../shared/api';
import { readCredentials, readSettings } from './settings';
import { UserFacingError } from './result';
import { urlFetchTransport } from './url-fetch-transport';

const CACHE_KEY = 'upflow.organisation';
/** Members and workflows change rarely; ten minutes spares Upflow two calls per Validate. */
const CACHE_SECONDS = 600;

/** What the add-on needs of the organisation: who can manage accounts, which workflows exist. */
export interface Organisation { members: Member[]; workflows: DunningPlan[] }

function cached(): Organisation | null {
  const text = CacheService.getUserCache().get(CACHE_KEY);
  return text ? (JSON.parse(text) as Organisation) : null;
}

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
  CacheService.getUserCache().put(CACHE_KEY, JSON.stringify(org), CACHE_SECONDS);
  return org;
}

/** For the chunks of an import: what the import's start just read, else a fresh read. */
export function cachedOrganisation(): Organisation {
  return cached() ?? fetchOrganisation();
}

export function forgetOrganisation(): void {
  CacheService.getUserCache().remove(CACHE_KEY);
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
