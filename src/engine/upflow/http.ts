/**
 * The HTTP the engine needs, small enough to implement with UrlFetchApp (Apps Script) and with
 * fetch (Node). Synchronous because Apps Script is; several requests go out together.
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** The request never got an answer (refused, reset, timed out): it may or may not have been applied. */
export interface TransportFailure {
  failure: string;
}

export type HttpOutcome = HttpResponse | TransportFailure;

export const isFailure = (outcome: HttpOutcome): outcome is TransportFailure => 'failure' in outcome;

export interface HttpTransport {
  /** Sends the requests at once and answers in the same order. */
  sendAll(requests: HttpRequest[]): HttpOutcome[];
  sleep(ms: number): void;
  now(): number;
}
