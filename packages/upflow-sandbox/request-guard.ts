/**
 * The doors of the local servers (the sandbox and the playground): they hold demo data and API
 * credentials, so only their own pages and local API clients may use them.
 * - A Host other than the loopback address and our port is refused: that is how a DNS-rebinding
 *   page (evil.example resolving to 127.0.0.1) would read the pages.
 * - A write (any method but GET/HEAD) from another site is refused: a foreign Origin, a
 *   Sec-Fetch-Site other than same-origin/none, or a body type an HTML form can send without a
 *   preflight (a form posted from another site may carry no Origin in older browsers).
 * API clients (curl, Node's fetch, the emulator's UrlFetchApp) send none of these and pass.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
/** The body types of a "simple" cross-site request (Fetch standard, CORS-safelisted Content-Type). */
const FORM_BODY_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAME_SITE_FETCHES = ['same-origin', 'none'];

export type DoorRefusal = 'FOREIGN_HOST' | 'CROSS_SITE_WRITE';

export const DOOR_MESSAGES: Record<DoorRefusal, string> = {
  FOREIGN_HOST: 'This local server only answers on its loopback address (127.0.0.1, localhost or [::1]).',
  CROSS_SITE_WRITE: 'Changes from other sites are refused: use this server from its own page or from an API client.',
};

interface Knock {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

const header = (knock: Knock, name: string): string | undefined => {
  const value = knock.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** Why a request may not come in, or null. `port` is the port the server listens on. */
export function doorRefusal(knock: Knock, port: number): DoorRefusal | null {
  const host = header(knock, 'host') ?? '';
  if (!LOOPBACK_HOSTS.some((name) => host === `${name}:${port}`)) return 'FOREIGN_HOST';
  if (knock.method === 'GET' || knock.method === 'HEAD') return null;
  const origin = header(knock, 'origin');
  if (origin !== undefined && origin !== `http://${host}`) return 'CROSS_SITE_WRITE';
  const site = header(knock, 'sec-fetch-site');
  if (site !== undefined && !SAME_SITE_FETCHES.includes(site)) return 'CROSS_SITE_WRITE';
  const bodyType = (header(knock, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (FORM_BODY_TYPES.includes(bodyType)) return 'CROSS_SITE_WRITE';
  return null;
}

/** An onRequest hook answering 403 with `body(message)` when the request may not come in. */
export function requestGuard(port: () => number, body: (message: string) => unknown) {
  // An async hook that answers must return the reply, or the route runs anyway.
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const refusal = doorRefusal(request, port());
    return refusal ? reply.code(403).send(body(DOOR_MESSAGES[refusal])) : undefined;
  };
}
