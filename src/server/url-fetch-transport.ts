import type { HttpOutcome, HttpRequest, HttpTransport } from '../engine/upflow/http';

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
      // fetchAll fails as a whole when one request gets no answer: none of them is known to be done.
      const failure = error instanceof Error ? error.message.replace(/https?:\/\/\S+/g, 'Upflow') : 'no answer';
      return requests.map(() => ({ failure }));
    }
  },
  sleep: (ms) => Utilities.sleep(ms),
  now: () => Date.now(),
};

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  return out;
}
