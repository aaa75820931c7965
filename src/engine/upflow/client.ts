import { z } from 'zod';
import { isFailure, type HttpOutcome, type HttpRequest, type HttpTransport } from './http';
import { Pacer } from './pacer';
import { retryDecision } from './retry';
import {
  customerSchema, customersPageSchema, dunningPlansResponseSchema, errorBodySchema, usersResponseSchema,
  type Customer, type DunningPlan, type Member,
} from './schemas';

export interface Credentials { baseUrl: string; apiKey: string; apiSecret: string }

export type ApiResult =
  | { ok: true; status: number; data: unknown }
  | { ok: false; status: number | null; code: string; message: string };

/** What to do before retrying a request that may already have been applied. */
export type Reconcile = () => ApiResult | null;

export interface ApiCall {
  request: Omit<HttpRequest, 'headers' | 'url'> & { path: string };
  /** Called before an ambiguous retry (lost answer); a result means "already done, don't resend". */
  reconcile?: Reconcile;
}

/** Upflow asks for at most 5 requests at once during imports. */
export const MAX_PARALLEL = 5;

export class UpflowClient {
  readonly pacer: Pacer;
  /** Requests actually sent, retries included (benchmarks count them). */
  sentRequests = 0;

  /** `retries`: how many backoff retries a failed request gets (Upflow's schedule has four). */
  constructor(private readonly transport: HttpTransport, private readonly credentials: Credentials, perMinute = 600, private readonly retries?: number) {
    this.pacer = new Pacer(perMinute, () => transport.now(), (ms) => transport.sleep(ms));
  }

  private toHttp(call: ApiCall): HttpRequest {
    return {
      method: call.request.method,
      url: this.credentials.baseUrl.replace(/\/+$/, '') + call.request.path,
      headers: {
        'X-Api-Key': this.credentials.apiKey,
        'X-Api-Secret': this.credentials.apiSecret,
        Accept: 'application/json',
        ...(call.request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(call.request.body !== undefined ? { body: call.request.body } : {}),
    };
  }

  /** Sends up to MAX_PARALLEL calls together, retrying each as Upflow asks; answers in order. */
  sendBatch(calls: readonly ApiCall[]): ApiResult[] {
    if (calls.length > MAX_PARALLEL) throw new Error(`A batch holds at most ${MAX_PARALLEL} requests`);
    const results: Array<ApiResult | undefined> = calls.map(() => undefined);
    let pending = calls.map((call, index) => ({ call, index, attempt: 0, ambiguous: false }));
    while (pending.length) {
      this.pacer.reserve(pending.length);
      this.sentRequests += pending.length;
      const outcomes = this.transport.sendAll(pending.map((p) => this.toHttp(p.call)));
      const retries: typeof pending = [];
      let wait = 0;
      pending.forEach((p, i) => {
        const outcome = outcomes[i]!;
        const attempt = p.attempt + 1;
        const decision = retryDecision(outcome, attempt, this.retries);
        if (!decision.retry) {
          results[p.index] = toResult(outcome);
          return;
        }
        wait = Math.max(wait, decision.delayMs);
        retries.push({ ...p, attempt, ambiguous: decision.ambiguous });
      });
      if (retries.length) this.transport.sleep(wait);
      // Only an answer that may hide an applied write needs checking before the request goes again.
      pending = retries.filter((p) => {
        const settled = p.ambiguous ? p.call.reconcile?.() : null;
        if (settled) results[p.index] = settled;
        return !settled;
      });
    }
    return results as ApiResult[];
  }

  request(call: ApiCall): ApiResult {
    return this.sendBatch([call])[0]!;
  }

  private getJson<T>(path: string, schema: z.ZodType<T>): T {
    const result = this.request({ request: { method: 'GET', path } });
    if (!result.ok) throw new UpflowError(result.code, result.message, result.status);
    const parsed = schema.safeParse(result.data);
    if (!parsed.success) throw new UpflowError('BAD_RESPONSE', `Upflow answered ${path} in a form this add-on does not understand.`, result.status);
    return parsed.data;
  }

  listMembers(): Member[] {
    return this.getJson('/users', usersResponseSchema).users;
  }

  listWorkflows(): DunningPlan[] {
    return this.getJson('/dunning_plans', dunningPlansResponseSchema).items;
  }

  /** Every customer, 500 a page. */
  listCustomers(): Customer[] {
    const all: Customer[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = this.getJson(`/customers?offset=${offset}&limit=500`, customersPageSchema);
      all.push(...page.customers);
      if (page.customers.length === 0 || all.length >= page.total) return all;
    }
  }

  getOrganization(): { name: string; sourceSystem: string | null } {
    return this.getJson('/organization', z.object({ name: z.string(), sourceSystem: z.string().nullish() }).transform((o) => ({ name: o.name, sourceSystem: o.sourceSystem ?? null })));
  }
}

export class UpflowError extends Error {
  constructor(readonly code: string, message: string, readonly status: number | null) {
    super(message);
  }
}

export const parseCustomer = (data: unknown): Customer | null => {
  const parsed = customerSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
};

function toResult(outcome: HttpOutcome): ApiResult {
  if (isFailure(outcome)) {
    return { ok: false, status: null, code: 'UNREACHABLE', message: `Upflow could not be reached (${outcome.failure}). Check your connection and try again.` };
  }
  let data: unknown = null;
  try {
    data = outcome.body ? JSON.parse(outcome.body) : null;
  } catch {
    data = null;
  }
  if (outcome.status >= 200 && outcome.status < 300) return { ok: true, status: outcome.status, data };
  const body = errorBodySchema.safeParse(data);
  const message = (body.success && body.data.message) || defaultMessage(outcome.status);
  const code = (body.success && body.data.error) || `HTTP_${outcome.status}`;
  return { ok: false, status: outcome.status, code, message };
}

function defaultMessage(status: number): string {
  if (status === 401 || status === 403) return 'Upflow refused the API key and secret. Check them in Settings.';
  if (status === 404) return 'Upflow did not find what was asked for.';
  if (status === 429) return 'Upflow is receiving too many requests; try again in a minute.';
  if (status >= 500) return 'Upflow had a problem answering. Try again in a few minutes.';
  return `Upflow refused the request (status ${status}).`;
}
