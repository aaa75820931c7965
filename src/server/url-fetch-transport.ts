import type { HttpOutcome, HttpRequest, HttpTransport } from '../engine/upflow/http';
import { userError } from './result';

/** Apps Script's words when the account's daily UrlFetch quota is spent (20,000 calls on consumer accounts). */
const URLFETCH_QUOTA = /Service invoked too many times for one day: urlfetch/i;

/** The engine's HTTP over UrlFetchApp: fetchAll sends a batch in parallel. */
export const urlFetchTransport: HttpTransport = {
  sendAll(requests: HttpRequest[]): HttpOutcome[] {
    const params = requests.map((r): GoogleAppsScript.URL_Fetch.URLFetchRequest => ({
      url: r.url,
      method: r.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      headers: r.headers,
      muteHttpExceptions: true,
      followRedirects: false,
      ...(r.body !== undefined ? { payload: r.body, contentType: 'application/json' } : {}),
    }));
    try {
      return UrlFetchApp.fetchAll(params).map((response) => ({
        status: response.getResponseCode(),
        headers: lowerCaseKeys(response.getHeaders() as Record<string, string>),
        body: response.getContentText(),
      }));
    } catch (error) {
      // Nothing was sent: Upflow is fine, Google refuses calls until tomorrow. Lines must not be marked failed.
      if (URLFETCH_QUOTA.test(messageOf(error))) {
        throw userError(
          'QUOTA_URLFETCH',
          "Google's daily limit of calls to other services is used up for your account. Nothing more was sent to Upflow: continue tomorrow, where it stopped.",
        );
      }
      // fetchAll fails as a whole when one request gets no answer: none of them is known to be done.
      const failure = messageOf(error).replace(/https?:\/\/\S+/g, 'Upflow') || 'no answer';
      return requests.map(() => ({ failure }));
    }
  },
  sleep: (ms) => Utilities.sleep(ms),
  now: () => Date.now(),
};

const messageOf = (error: unknown): string => String((error as { message?: unknown } | null)?.message ?? '');

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  return out;
}
