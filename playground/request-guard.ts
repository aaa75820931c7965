/**
 * The playground drives a document that holds API credentials: only its own pages may use it.
 * A Host other than the loopback address defeats DNS rebinding; an Origin other than ours on a
 * POST is another site's page (a JSON POST from elsewhere is preflighted, and never allowed).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function requestGuard(port: () => number) {
  // An async hook that answers must return the reply, or the route runs anyway.
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const host = request.headers.host ?? '';
    const allowed = LOOPBACK_HOSTS.map((name) => `${name}:${port()}`);
    if (!allowed.includes(host)) return reply.code(403).send({ ok: false, error: 'This playground only answers on its loopback address.' });
    const origin = request.headers.origin;
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin !== undefined && origin !== `http://${host}`) {
      return reply.code(403).send({ ok: false, error: 'Requests from other sites are refused.' });
    }
    return undefined;
  };
}
