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
/**
 * A cache value holds at most 100 KB, which an organisation passes near 650 members: it is stored
 * in parts of this many characters (4 bytes each at most in UTF-8, so under the limit), all put and
 * read in one call each.
 */
const PART_CHARS = 24_000;

/** What the add-on needs of the organisation: who can manage accounts, which workflows exist. */
export interface Organisation { members: Member[]; workflows: DunningPlan[] }

/** The parts' keys carry the time they were written, so parts of two writes never mix. */
const partKey = (stamp: string, i: number) => `${CACHE_KEY}.${stamp}.${i}`;

function cached(): Organisation | null {
  const cache = CacheService.getUserCache();
  const head = /^(\w+):(\d+)$/.exec(cache.get(CACHE_KEY) ?? '');
  if (!head) return null;
  const [, stamp = '', count] = head;
  const keys = Array.from({ length: Number(count) }, (_, i) => partKey(stamp, i));
  const parts = cache.getAll(keys);
  // The cache may drop any entry early: a missing part means a fresh read.
  if (keys.some((k) => parts[k] === undefined)) return null;
  return JSON.parse(keys.map((k) => parts[k]).join('')) as Organisation;
}

function remember(org: Organisation): void {
  const text = JSON.stringify(org);
  const stamp = Date.now().toString(36);
  const entries: Record<string, string> = {};
  let count = 0;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + PART_CHARS, text.length);
    // Never between the two halves of a character outside the BMP (an emoji in a name).
    if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
    entries[partKey(stamp, count++)] = text.slice(at, end);
    at = end;
  }
  entries[CACHE_KEY] = `${stamp}:${count}`;
  CacheService.getUserCache().putAll(entries, CACHE_SECONDS);
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
  remember(org);
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
