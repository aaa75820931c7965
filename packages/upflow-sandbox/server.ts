/**
 * Local stand-in for Upflow's API (see docs/upflow-api.md), for tests, benchmarks and
 * the playground. `startSandbox()` opens (or creates and seeds) the SQLite file and listens.
 *
 * Order of the checks on a /v1 request (onRequest hook): credentials (401) → burst429 fault →
 * per-minute window and in-flight limits (429) → errorRate fault (500/503, nothing applied) →
 * drop fault (before apply) → slowMs delay → route (validation 400, 404, source system 403,
 * references 400, conflicts 409; one transaction, file written) → errorAfterApply / drop-after-apply
 * faults (onSend hook).
 */
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { credentialsMatch } from './auth';
import type { AppContext } from './context';
import { SandboxDb } from './db';
import { ApiError, errors } from './errors';
import { FaultInjector } from './faults';
import { getOrganization, updateOrganization } from './model/organization';
import { RateLimiter } from './rate-limit';
import { requestGuard } from './request-guard';
import { slackRoutes } from './routes/slack';
import { adminRoutes } from './routes/admin';
import { contactRoutes } from './routes/contacts';
import { customerRoutes } from './routes/customers';
import { dunningPlanRoutes } from './routes/dunning-plans';
import { organizationRoutes } from './routes/organization';
import { pageRoutes } from './routes/page';
import { userRoutes } from './routes/users';
import { faultsSchema, organizationPatchSchema, type Faults, type OrganizationPatch, type SeedInput } from './schemas';
import { applySeed, loadSeed } from './seed';
import { Stats, type StatsSnapshot } from './stats';
import { CUSTOM_MEMBER_POSITION, PROFILES, type Profile, type Readings } from './readings';

export interface SandboxOptions {
  /** Default 127.0.0.1 (the admin routes and the page are unauthenticated: keep it local; request-guard.ts answers only loopback Host names). */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** SQLite file, created when missing; ":memory:" (default) keeps nothing. */
  dbFile?: string;
  /** Organisation object or path of a JSON seed file (default packages/upflow-sandbox/seed.json); applied only to a new database. */
  seed?: SeedInput | string;
  /** Default 600 (Upflow's published limit). */
  rateLimitPerMinute?: number;
  /** Default 10 (Upflow's published limit). */
  maxInFlight?: number;
  faults?: Faults;
  /** One line per /v1 request on stdout (method, path, status, ms; never headers). */
  log?: boolean;
  /** How the [open] points of the API are answered (packages/upflow-sandbox/readings.ts): `documented` (default) or `hard`. */
  profile?: Profile;
}

export interface Sandbox {
  /** API base, e.g. http://127.0.0.1:4010/v1 */
  url: string;
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  port: number;
  close(): Promise<void>;
  /** Replaces the fault configuration (`{}` turns faults off). */
  setFaults(faults: Faults): void;
  stats(): StatsSnapshot;
  /** Back to the seed: data, stats, request log and rate-limit window (faults are kept). */
  reset(): void;
  /** Rename the organisation or switch its source system (persisted). */
  updateOrganization(patch: OrganizationPatch): void;
}

const isApiPath = (url: string): boolean => url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?');

interface RequestState {
  dropAfterApply: boolean;
  errorAfterApply: boolean;
}

function originOf(host: string, port: number): string {
  // A wildcard address is reachable on loopback; IPv6 literals need brackets.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const readings: Readings = PROFILES[options.profile ?? 'documented'];
  const seed = withProfileSeed(loadSeed(options.seed), readings);
  const { db, isNew } = await SandboxDb.open(options.dbFile ?? ':memory:');
  if (isNew) applySeed(db, seed);

  const faults = new FaultInjector(faultsSchema.parse(options.faults ?? {}));
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 600, options.maxInFlight ?? 10);
  const stats = new Stats();
  const states = new WeakMap<FastifyRequest, RequestState>();

  const ctx: AppContext = {
    db,
    origin: '',
    faults,
    readings,
    limiter,
    stats,
    statsSnapshot: () => stats.snapshot(performance.now(), limiter.inFlight, db.persistStats),
    reset: () => {
      db.wipe();
      applySeed(db, seed);
      stats.reset();
      limiter.clearWindow();
    },
  };

  // A browser keeps idle connections open; closing must not wait for them to time out.
  const app = Fastify({ logger: false, forceCloseConnections: true });

  // An empty body with a JSON content type (e.g. a DELETE sent by Apps Script with contentType set)
  // is no body rather than an error; anything else goes through Fastify's safe JSON parser.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    return jsonParser(request, body.toString(), done);
  });

  let port = 0;
  // Before anything else, so a refused request is not counted or rate-limited.
  app.addHook(
    'onRequest',
    requestGuard(
      () => port,
      (message) => ({ message, error: 'FORBIDDEN' }),
    ),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url)) return;
    const started = performance.now();
    stats.begin(started);
    let admitted = false;
    const res = reply.raw;
    res.once('close', () => {
      if (admitted) limiter.release();
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const status = res.writableFinished ? res.statusCode : null;
      const entry = { at: new Date().toISOString(), method: request.method, path: request.url, status, ms };
      stats.end(entry);
      if (options.log) process.stdout.write(`${entry.at} ${entry.method} ${entry.path} ${status ?? 'dropped'} ${ms}ms\n`);
    });

    if (!credentialsMatch(request.headers, getOrganization(db))) throw errors.unauthorized();
    if (faults.takeBurst()) throw errors.rateLimited(1);
    const admission = limiter.admit(performance.now());
    if (!admission.ok) throw errors.rateLimited(admission.retryAfterSeconds);
    admitted = true;

    const decision = faults.decide();
    if (decision.errorBefore === 500) throw errors.internal();
    if (decision.errorBefore === 503) throw errors.unavailable();
    if (decision.drop === 'before') {
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    states.set(request, { dropAfterApply: decision.drop === 'after', errorAfterApply: decision.errorAfterApply });
    if (decision.slowMs > 0) await sleep(decision.slowMs);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = states.get(request);
    if (!state) return payload;
    if (state.dropAfterApply) {
      // The request was applied; the client never hears back.
      request.raw.socket.destroy();
      return payload;
    }
    if (state.errorAfterApply) {
      // The request was applied, but the client gets a 500: a naive retry would apply it twice.
      reply.code(500).type('application/json; charset=utf-8');
      return JSON.stringify(errors.internal().body());
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      // [open] whether a 429 says how long to wait.
      const headers = readings.retryAfter ? error.headers : Object.fromEntries(Object.entries(error.headers).filter(([k]) => k !== 'retry-after'));
      return reply.code(error.status).headers(headers).send(error.body());
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large).
      const code = status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INVALID_BODY';
      return reply.code(status).send({ message: error.message, error: code });
    }
    process.stderr.write(`sandbox: internal error on ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
    return reply.code(500).send(errors.internal().body());
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    return reply.code(404).send(errors.routeNotFound(request.method, path).body());
  });

  await app.register(
    async (api) => {
      await api.register(customerRoutes(ctx));
      await api.register(contactRoutes(ctx));
      await api.register(userRoutes(ctx));
      await api.register(dunningPlanRoutes(ctx));
      if (readings.organizationRoute) await api.register(organizationRoutes(ctx));
    },
    { prefix: '/v1' },
  );
  await app.register(adminRoutes(ctx), { prefix: '/_admin' });
  await app.register(slackRoutes({ messages: [] }));
  await app.register(pageRoutes(ctx));

  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const origin = originOf(host, port);
  ctx.origin = origin;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    origin,
    port,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        db.persist();
        db.close();
      })()),
    setFaults: (f) => faults.set(faultsSchema.parse(f)),
    stats: () => ctx.statsSnapshot(),
    reset: () => ctx.reset(),
    updateOrganization: (patch) => updateOrganization(db, organizationPatchSchema.parse(patch)),
  };
}

/** Under `extraFields`, the organisation also has a member whose position it added itself. */
function withProfileSeed(seed: ReturnType<typeof loadSeed>, readings: Readings): ReturnType<typeof loadSeed> {
  if (!readings.extraFields) return seed;
  const owner = { id: '0b6f3d2e-5a7c-4e1b-9d8f-2c4a6e8b0d1f', firstName: 'Olivia', lastName: 'Owner', email: 'olivia.owner@example.com', position: CUSTOM_MEMBER_POSITION };
  return seed.members.some((m) => m.email === owner.email) ? seed : { ...seed, members: [...seed.members, owner] };
}
