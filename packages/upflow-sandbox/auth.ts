/**
 * API credentials: every /v1 request carries `X-Api-Key` and `X-Api-Secret`, compared in constant
 * time with the organisation's. The secret is never echoed (errors, logs and the page leave it out).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export function credentialsMatch(headers: IncomingHttpHeaders, expected: { apiKey: string; apiSecret: string }): boolean {
  // Evaluate both so the time taken does not tell which one was wrong.
  const keyOk = sameSecret(headers['x-api-key'], expected.apiKey);
  const secretOk = sameSecret(headers['x-api-secret'], expected.apiSecret);
  return keyOk && secretOk;
}
