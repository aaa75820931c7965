import { sendAllSync, type SyncRequest, type SyncResult } from '@upflow-sheets/sync-http';
import type { ApiSubset } from './api-types';
import { EmulatedBlob } from './blob';
import { decodeText, toBytes, toJavaBytes } from './bytes';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';

type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type Request = GoogleAppsScript.URL_Fetch.URLFetchRequest;

/** Apps Script gives up on a request after about a minute. */
export const DEFAULT_FETCH_TIMEOUT_MS = 60000;
const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd-emulated)';
const TRUNCATE_AT = 200;
const MAX_REDIRECTS = 20;

interface WireRequest extends SyncRequest {
  followRedirects: boolean;
}

/** What a request came to, with the URL of its last hop. */
type WireResult = SyncResult & { url: string };

function headerValue(rawHeaders: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === name) return rawHeaders[i + 1];
  return undefined;
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-(type|length)$/i.test(k)));
}

/**
 * Sends the requests at once and follows their redirects, hop by hop, up to 20. A redirect may
 * only lead to this computer: this machine has no internet, other hosts fail as unreachable.
 * A 307 or 308 keeps the method and the payload; any other redirect goes on as a GET without them.
 */
function sendFollowing(requests: WireRequest[], waitMs: number): WireResult[] {
  const current = requests.slice();
  const results = new Array<WireResult>(requests.length);
  let pending = requests.map((_, i) => i);
  for (let hop = 0; pending.length > 0; hop++) {
    const answers = sendAllSync(
      pending.map((i) => current[i] as WireRequest),
      waitMs,
    );
    const next: number[] = [];
    pending.forEach((i, k) => {
      const request = current[i] as WireRequest;
      const answer = answers[k] as SyncResult;
      const status = 'error' in answer ? 0 : answer.status;
      const location = 'error' in answer || status < 300 || status >= 400 ? undefined : headerValue(answer.rawHeaders, 'location');
      if (!request.followRedirects || location === undefined || hop >= MAX_REDIRECTS) {
        results[i] = { ...answer, url: request.url };
        return;
      }
      const target = new URL(location, request.url);
      if (!isLoopback(target.hostname)) {
        results[i] = { error: 'UNREACHABLE', url: target.href };
        return;
      }
      const keepMethod = status === 307 || status === 308;
      current[i] = {
        ...request,
        url: target.href,
        method: keepMethod ? request.method : 'GET',
        body: keepMethod ? request.body : null,
        headers: keepMethod ? request.headers : withoutBodyHeaders(request.headers),
      };
      next.push(i);
    });
    pending = next;
  }
  return results;
}

/** UrlFetchApp calls a day: 20,000 for consumer accounts, 100,000 for Google Workspace (Google's quotas page). */
export const DEFAULT_URL_FETCH_QUOTA = 20_000;

export interface FetchAllowance {
  /** The manifest's urlFetchWhitelist: https prefixes, `*.` for any subdomain. */
  whitelist: string[];
  /** Playground-only local origins (see AppsScriptOptions.playgroundOrigins). */
  playgroundOrigins: string[];
  /** Requests left today; each request of a fetchAll counts. */
  quotaLeft: number;
}

/**
 * Google's rules (developers.google.com/apps-script/manifest/allowlist-url): a URL matches a
 * prefix it equals or is a child of; path matching is case-sensitive; a wildcard matches subdomains.
 */
function matchesPrefix(url: URL, prefix: string): boolean {
  const wildcard = /^https:\/\/\*\.([^/]+)(\/.*)$/.exec(prefix);
  if (!wildcard) return url.href.startsWith(prefix);
  const [, domain = '', path = '/'] = wildcard;
  return url.protocol === 'https:' && url.host.endsWith(`.${domain}`) && `${url.pathname}${url.search}`.startsWith(path);
}

function checkAllowed(url: URL, allowance: FetchAllowance): void {
  if (allowance.whitelist.some((prefix) => matchesPrefix(url, prefix))) return;
  if (allowance.playgroundOrigins.includes(url.origin)) return;
  // Wording is the emulator's: no public source quotes Apps Script's message for this refusal.
  fail(`Script is not allowed to fetch ${url.origin}: it is not in the manifest's urlFetchWhitelist.`);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function toWire(url: string, options: Options, timeoutMs: number): WireRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`Invalid argument: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`Invalid argument: ${url}`);
  const method = String(options.method ?? 'get').toUpperCase();
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, ...(options.headers ?? {}) };
  let body: Uint8Array | null = null;
  let contentType = options.contentType;
  const payload: unknown = options.payload;
  if (payload !== undefined && payload !== null && method !== 'GET') {
    if (typeof payload === 'string') body = toBytes(payload);
    else if (payload instanceof EmulatedBlob) {
      body = payload.data;
      contentType ??= payload.contentType ?? undefined;
    } else if (Array.isArray(payload)) body = toBytes(payload as number[]);
    else body = toBytes(formEncode(payload as Record<string, unknown>));
    // Apps Script's default for a payload without contentType is a form post.
    contentType ??= 'application/x-www-form-urlencoded';
  }
  if (contentType !== undefined) {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
    headers['Content-Type'] = contentType;
  }
  return {
    url: parsed.href,
    method,
    headers,
    body,
    followRedirects: options.followRedirects ?? true,
    validateHttpsCertificates: options.validateHttpsCertificates ?? true,
    timeoutMs,
  };
}

function failureText(result: { url: string; error: string }): string {
  switch (result.error) {
    case 'TIMEOUT':
      return `Timeout: ${result.url}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DNS error: ${result.url}`;
    case 'ECONNREFUSED':
    case 'UNREACHABLE':
      return `Address unavailable: ${result.url}`;
    default:
      return `Unexpected error: ${result.url}`;
  }
}

function lastValues(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) headers[rawHeaders[i] as string] = rawHeaders[i + 1] as string;
  return headers;
}

export class EmulatedHttpResponse implements ApiSubset<
  GoogleAppsScript.URL_Fetch.HTTPResponse,
  'getAllHeaders' | 'getBlob' | 'getContent' | 'getContentText' | 'getHeaders' | 'getResponseCode'
> {
  constructor(
    readonly rt: Runtime,
    private readonly status: number,
    private readonly rawHeaders: string[],
    private readonly body: Uint8Array,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  getContentText(charset?: string): string {
    return decodeText(this.body, charset);
  }

  getContent(): number[] {
    return toJavaBytes(this.body);
  }

  /** Header names keep the case the server sent; a repeated header keeps its last value. */
  getHeaders(): Record<string, string> {
    return lastValues(this.rawHeaders);
  }

  /** Like getHeaders, with repeated headers (Set-Cookie...) as arrays. */
  getAllHeaders(): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {};
    for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) {
      const name = this.rawHeaders[i] as string;
      const value = this.rawHeaders[i + 1] as string;
      const previous = headers[name];
      headers[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    return headers;
  }

  getBlob(): EmulatedBlob {
    const type = Object.entries(lastValues(this.rawHeaders)).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
    return new EmulatedBlob(this.rt, this.body.slice(), type);
  }
}
instrument(EmulatedHttpResponse, 'HTTPResponse');

export class EmulatedUrlFetchApp implements ApiSubset<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll' | 'getRequest'> {
  constructor(
    readonly rt: Runtime,
    private readonly timeoutMs: number,
    private readonly allowance: FetchAllowance,
  ) {}

  fetch(url: string, params: Options = {}): EmulatedHttpResponse {
    const [response] = fetchBatch(this.rt, [{ ...params, url }], this.timeoutMs, this.allowance);
    return response as EmulatedHttpResponse;
  }

  /** Sends every request at once, answers in request order, like the real fetchAll. */
  fetchAll(requests: (Request | string)[]): EmulatedHttpResponse[] {
    return fetchBatch(
      this.rt,
      requests.map((r) => (typeof r === 'string' ? { url: r } : r)),
      this.timeoutMs,
      this.allowance,
    );
  }

  getRequest(url: string, params: Options = {}): Request {
    const wire = toWire(url, params, this.timeoutMs);
    const request: Request = {
      url: wire.url,
      method: wire.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      headers: wire.headers,
      followRedirects: wire.followRedirects,
      validateHttpsCertificates: wire.validateHttpsCertificates,
      muteHttpExceptions: params.muteHttpExceptions ?? false,
    };
    if (wire.body) request.payload = decodeText(wire.body);
    const contentType = wire.headers['Content-Type'];
    if (contentType !== undefined) request.contentType = contentType;
    return request;
  }
}
instrument(EmulatedUrlFetchApp, 'UrlFetchApp');

function fetchBatch(rt: Runtime, requests: Request[], timeoutMs: number, allowance: FetchAllowance): EmulatedHttpResponse[] {
  const wires = requests.map((r) => toWire(r.url, r, timeoutMs));
  for (const wire of wires) checkAllowed(new URL(wire.url), allowance);
  // Google's wording for a spent daily quota; the emulator's day never ends.
  if (wires.length > allowance.quotaLeft) fail('Service invoked too many times for one day: urlfetch.');
  allowance.quotaLeft -= wires.length;
  const results = new Array<WireResult>(wires.length);
  const remote: number[] = [];
  wires.forEach((wire, i) => {
    if (isLoopback(new URL(wire.url).hostname)) remote.push(i);
    // This machine has no internet: other hosts fail the way an unreachable host does.
    else results[i] = { url: requests[i]?.url ?? wire.url, error: 'UNREACHABLE' };
  });
  if (remote.length > 0) {
    // Each hop's wait is bounded by the request timeout (plus slack for the worker's own timer).
    const answers = sendFollowing(
      remote.map((i) => wires[i] as WireRequest),
      timeoutMs + 2000,
    );
    remote.forEach((i, k) => (results[i] = answers[k] as WireResult));
  }
  rt.checkDeadline();
  return results.map((result, i) => {
    if ('error' in result) fail(failureText(result));
    const response = new EmulatedHttpResponse(rt, result.status, result.rawHeaders, result.body);
    if (result.status >= 400 && !(requests[i]?.muteHttpExceptions ?? false)) {
      const text = decodeText(result.body);
      const shown = text.length > TRUNCATE_AT ? `${text.slice(0, TRUNCATE_AT)}...` : text;
      fail(
        `Request failed for ${new URL(result.url).origin} returned code ${result.status}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return response;
  });
}
