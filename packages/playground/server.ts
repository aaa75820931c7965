/**
 * The local playground: the built add-on against an emulated spreadsheet, its real sidebar in a
 * browser beside that spreadsheet, and the Upflow sandbox (a child process) behind it.
 * `startPlayground()` is what `npm start` and the browser tests run.
 */
import { startSandboxProcess } from '@upflow-sheets/upflow-sandbox/process';
import { requestGuard } from '@upflow-sheets/upflow-sandbox/request-guard';
import Fastify, { type FastifyError } from 'fastify';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChangeFeed } from './change-feed';
import { PlaygroundDocument } from './document';
import { portOrAny } from './free-port';
import { pageAssets } from './page-assets';
import { stateFile } from './persistence';
import { readInputFile } from './read-input-file';
import { injectShim } from './rpc-shim';
import { seededConnection } from './sandbox-settings';
import { SerialQueue } from './serial-queue';
import { testClock } from './test-clock';
import { runningSandbox } from './running-sandbox';
import type { ActionAnswer } from './view-types';
import { type CallOutcome, messageOf } from './vm-host';
import { htmlFilesIn } from '@upflow-sheets/apps-script-emulator';

export interface PlaygroundOptions {
  /** Default 8080; 0, or a port already taken, means any free port. */
  port?: number;
  /** Default 4010, with the same fallback. */
  sandboxPort?: number;
  /** Where playground.json and sandbox.sqlite live; default data/ in the repository. */
  dataDir?: string;
  /** A .csv or .xlsx file to open as the sheet instead of the demo. */
  inputFile?: string;
  /** Default: stderr. */
  log?: (line: string) => void;
  /**
   * TEST ONLY: the origin of an Upflow sandbox already running (the browser tests start one per
   * test in their own process), used instead of a child process of the playground's own and left
   * running when the playground closes.
   */
  sandboxOrigin?: string;
  /** TEST ONLY: the add-on's clock runs this many times faster than real time and skips its sleeps (test-clock.ts). */
  testClockSpeed?: number;
}

export interface Playground {
  /** The page, e.g. http://127.0.0.1:8080/ */
  url: string;
  /** The sandbox's page, listing what it holds. */
  sandboxPage: string;
  /** The sandbox's API base (".../v1"). */
  sandboxApi: string;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST = '127.0.0.1';
/** importCsv takes the lines of files up to 10 MB, which JSON quoting can more than double. */
const RPC_BODY_LIMIT = 32 * 1024 * 1024;

const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
// The sidebar is one HTML file with its script and styles inline, as HtmlService serves it.
const SIDEBAR_CSP = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'self'";

async function readDist(name: string): Promise<string> {
  try {
    return await readFile(join(ROOT, 'dist', name), 'utf8');
  } catch {
    throw new Error(`dist/${name} is missing: run \`node build.mjs\` first.`);
  }
}

const sheetCell = {
  type: 'object',
  required: ['sheet', 'cell'],
  properties: { sheet: { type: 'string' }, cell: { type: 'string', pattern: '^[A-Z]{1,3}[1-9][0-9]{0,6}$' } },
} as const;

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataDir = resolve(options.dataDir ?? join(ROOT, 'data'));
  const [code, assets] = await Promise.all([readDist('Code.js'), pageAssets()]);
  const files = htmlFilesIn(join(ROOT, 'dist'));
  const input = options.inputFile ? await readInputFile(options.inputFile) : null;
  const source = options.inputFile ? `file:${resolve(options.inputFile)}` : 'demo';
  const file = stateFile(join(dataDir, 'playground.json'), (error) => log(`playground: ${error.message}`));
  const saved = await file.read();

  const sandbox = options.sandboxOrigin
    ? runningSandbox(options.sandboxOrigin)
    : await startSandboxProcess({ port: await portOrAny(options.sandboxPort ?? 4010, HOST), dbFile: join(dataDir, 'sandbox.sqlite'), log });
  let doc: PlaygroundDocument;
  try {
    doc = new PlaygroundDocument({
      code,
      files,
      input,
      saved: saved?.source === source ? saved.emulator : null,
      connection: seededConnection(sandbox.api),
      log,
      ...(options.testClockSpeed ? { clock: testClock(options.testClockSpeed) } : {}),
    });
  } catch (error) {
    await sandbox.stop();
    throw error;
  }

  const token = randomBytes(24).toString('base64url');
  const queue = new SerialQueue();
  const feed = new ChangeFeed();
  const changed = (): void => {
    file.save(() => doc.snapshot(source));
    feed.bump();
  };
  /** Runs one user action alone; the document changed whatever its outcome. */
  const act = <T>(action: () => T | Promise<T>): Promise<T> =>
    queue.run(async () => {
      try {
        return await action();
      } finally {
        changed();
      }
    });
  /** A user action whose refusal is shown to the user, not an HTTP error. */
  const answer = async (action: () => void | Promise<void>): Promise<ActionAnswer> => {
    try {
      await act(action);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    }
  };
  const outcomeBody = (outcome: CallOutcome): string =>
    outcome.kind === 'throw' ? JSON.stringify(outcome) : outcome.json === undefined ? '{"kind":"return"}' : `{"kind":"return","value":${outcome.json}}`;

  let port = 0;
  const app = Fastify({ logger: false, bodyLimit: RPC_BODY_LIMIT });
  app.addHook(
    'onRequest',
    requestGuard(
      () => port,
      (message): ActionAnswer => ({ ok: false, error: message }),
    ),
  );
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
    return reply.code(status).send({ ok: false, error: error.message } satisfies ActionAnswer);
  });

  app.get('/', (_request, reply) => reply.header('content-security-policy', PAGE_CSP).type('text/html; charset=utf-8').send(assets.html));
  app.get('/page.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(assets.js));
  app.get('/styles.css', (_request, reply) => reply.type('text/css; charset=utf-8').send(assets.css));

  app.get('/state', (_request, reply) => reply.header('cache-control', 'no-store').send(doc.state(feed.current, sandbox.origin)));
  app.get('/events', (_request, reply) => {
    reply.hijack();
    feed.subscribe(reply.raw);
  });

  app.get<{ Params: { seq: string } }>('/sidebar/:seq', (request, reply) => {
    const html = doc.sidebarHtml(Number(request.params.seq));
    if (html === null) return reply.code(404).send({ ok: false, error: 'No such sidebar.' });
    return reply
      .header('content-security-policy', SIDEBAR_CSP)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(injectShim(html, { rpcPath: '/rpc', token }));
  });

  app.post<{ Body: { name: string; args: unknown[] } }>(
    '/rpc',
    { schema: { body: { type: 'object', required: ['name', 'args'], properties: { name: { type: 'string' }, args: { type: 'array' } } } } },
    async (request, reply) => {
      if (request.headers['x-playground-token'] !== token)
        return reply.code(403).send({ ok: false, error: 'Reload the sidebar: this one belongs to an earlier run of the playground.' });
      // The JSON round trip google.script.run makes: no Dates, no functions, no undefined.
      const argsJson = JSON.stringify(request.body.args);
      const outcome = await act(() => doc.call(request.body.name, argsJson));
      return reply.type('application/json; charset=utf-8').send(outcomeBody(outcome));
    },
  );

  app.post<{ Body: { sheet: string; cell: string; input: string } }>(
    '/edit',
    { schema: { body: { ...sheetCell, required: [...sheetCell.required, 'input'], properties: { ...sheetCell.properties, input: { type: 'string' } } } } },
    (request) => answer(() => doc.edit(request.body.sheet, request.body.cell, request.body.input)),
  );

  app.post<{ Body: { sheet: string; cell: string; rows: string[][] } }>(
    '/paste',
    {
      schema: {
        body: {
          ...sheetCell,
          required: [...sheetCell.required, 'rows'],
          properties: { ...sheetCell.properties, rows: { type: 'array', minItems: 1, items: { type: 'array', minItems: 1, items: { type: 'string' } } } },
        },
      },
    },
    (request) => answer(() => doc.paste(request.body.sheet, request.body.cell, request.body.rows)),
  );

  app.post<{ Body: { sheet: string; range: string | null } }>(
    '/select',
    {
      schema: {
        body: {
          type: 'object',
          required: ['sheet', 'range'],
          properties: { sheet: { type: 'string' }, range: { type: ['string', 'null'], pattern: '^[A-Z]{1,3}[1-9][0-9]{0,6}(:[A-Z]{1,3}[1-9][0-9]{0,6})?$' } },
        },
      },
    },
    (request) => answer(() => doc.select(request.body.sheet, request.body.range)),
  );

  app.post<{ Body: { functionName: string } }>(
    '/menu',
    { schema: { body: { type: 'object', required: ['functionName'], properties: { functionName: { type: 'string' } } } } },
    (request) =>
      answer(() => {
        const outcome = doc.runMenuItem(request.body.functionName);
        if (outcome.kind === 'throw') throw new Error(outcome.message);
      }),
  );

  app.post('/reset', () =>
    answer(async () => {
      await sandbox.reset();
      doc.restart();
    }),
  );

  try {
    await app.listen({ host: HOST, port: await portOrAny(options.port ?? 8080, HOST) });
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  changed();

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/`,
    sandboxPage: `${sandbox.origin}/`,
    sandboxApi: sandbox.api,
    close: () =>
      (closing ??= (async () => {
        feed.close();
        const stopped = app.close();
        await queue.idle();
        // A socket a browser opened ahead of need carries no request, so it never counts as
        // idle: left alone, it would hold close() until Node's 60 s headers timeout.
        app.server.closeAllConnections();
        await stopped;
        await file.flush();
        await sandbox.stop();
      })()),
  };
}
