import * as z from '../zod';
import { isFailure, type HttpOutcome, type HttpRequest, type HttpTransport } from './http';
import { Pacer } from './pacer';
import { retryDecision } from './retry';
import { errorCode, errorText } from './error-text';
import { contactSchema, customerSchema, dunningPlanSchema, memberSchema, pageOf, type Contact, type Customer, type DunningPlan, type Member } from './schemas';

export interface Credentials {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
}

export type ApiResult = { ok: true; status: number; data: unknown } | { ok: false; status: number | null; code: string; message: string };

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
  constructor(
    private readonly transport: HttpTransport,
    private readonly credentials: Credentials,
    perMinute = 600,
    private readonly retries?: number,
  ) {
    this.pacer = new Pacer(
      perMinute,
      () => transport.now(),
      (ms) => transport.sleep(ms),
    );
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

  private get(path: string): unknown {
    const result = this.request({ request: { method: 'GET', path } });
    if (!result.ok) throw new UpflowError(result.code, result.message, result.status);
    return result.data;
  }

  /**
   * Every item of a paged list. Upflow may grant smaller pages than asked and may not say its
   * total ([open]): the offset advances by what the page held, the list ends at `total` or at a
   * page bringing nothing new. A list that stops short of its total is an error, never a
   * shorter list: a customer missing from it could be created twice.
   */
  private listAll<T extends { id: string }>(path: string, keys: readonly string[], item: z.ZodMiniType<T>, asked: number): T[] {
    const all = new Map<string, T>();
    for (let offset = 0; ;) {
      const page = pageOf(this.get(`${path}?offset=${offset}&limit=${asked}`), keys, item);
      if (!page) throw new UpflowError('BAD_RESPONSE', `Upflow answered ${path} in a form this add-on does not understand.`, null);
      const before = all.size;
      for (const found of page.items) all.set(found.id, found);
      const fresh = all.size - before;
      if (page.total !== null && all.size >= page.total) break;
      if (page.items.length === 0 || fresh === 0) {
        if (page.total !== null)
          throw new UpflowError(
            'LIST_INCOMPLETE',
            `Upflow listed ${all.size} of its ${page.total} ${path.slice(1).replace('_', ' ')} and then stopped; nothing was sent. Try again in a few minutes.`,
            null,
          );
        break;
      }
      offset += page.items.length;
    }
    return [...all.values()];
  }

  listMembers(): Member[] {
    return this.listAll('/users', ['users', 'items', 'data'], memberSchema, 500);
  }

  listWorkflows(): DunningPlan[] {
    return this.listAll('/dunning_plans', ['items', 'dunningPlans', 'dunning_plans', 'data'], dunningPlanSchema, 200);
  }

  /** Every customer of the organisation: the only safe source for matching a line by name. */
  listCustomers(): Customer[] {
    return this.listAll('/customers', ['customers', 'items', 'data'], customerSchema, 500);
  }

  /**
   * One page of the customer list from `offset`, for a pull split over several executions:
   * `total` as Upflow gives it (null when it does not say).
   */
  customersPage(offset: number): { customers: Customer[]; total: number | null } {
    const page = pageOf(this.get(`/customers?offset=${offset}&limit=500`), ['customers', 'items', 'data'], customerSchema);
    if (!page) throw new UpflowError('BAD_RESPONSE', 'Upflow answered /customers in a form this add-on does not understand.', null);
    return { customers: page.items, total: page.total };
  }

  /**
   * The contacts of several customers, five requests at a time: the first page of each, and
   * every page for a customer with more contacts than one page holds.
   */
  contactsOf(customerIds: readonly string[]): Map<string, Contact[]> {
    const found = new Map<string, Contact[]>();
    for (let at = 0; at < customerIds.length; at += MAX_PARALLEL) {
      const ids = customerIds.slice(at, at + MAX_PARALLEL);
      const results = this.sendBatch(ids.map((id) => ({ request: { method: 'GET', path: `/customers/${encodeURIComponent(id)}/contacts?offset=0&limit=500` } })));
      ids.forEach((id, i) => {
        const result = results[i]!;
        if (!result.ok) throw new UpflowError(result.code, result.message, result.status);
        const page = pageOf(result.data, ['contacts', 'items', 'data'], contactSchema);
        // Without a total, a short page may be a page Upflow capped ([open]): the whole list is read.
        const whole = page && page.total !== null && page.items.length >= page.total;
        found.set(id, whole ? page.items : this.listContacts(id));
      });
    }
    return found;
  }

  /** The contacts a customer holds, when its list item did not carry them. */
  listContacts(customerId: string): Contact[] {
    return this.listAll(`/customers/${encodeURIComponent(customerId)}/contacts`, ['contacts', 'items', 'data'], contactSchema, 500);
  }
}

export class UpflowError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null,
  ) {
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
  return { ok: false, status: outcome.status, code: errorCode(data, outcome.status), message: errorText(data, outcome.body) ?? defaultMessage(outcome.status) };
}

function defaultMessage(status: number): string {
  if (status === 401 || status === 403) return 'Upflow refused the API key and secret. Check them in Settings.';
  if (status === 404) return 'Upflow did not find what was asked for.';
  if (status === 429) return 'Upflow is receiving too many requests; try again in a minute.';
  if (status >= 500) return 'Upflow had a problem answering. Try again in a few minutes.';
  return `Upflow refused the request (status ${status}).`;
}
