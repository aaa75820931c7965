import type { CustomerJob } from '../payloads/types';
import { MAX_PARALLEL, parseCustomer, type ApiCall, type ApiResult, type UpflowClient } from '../upflow/client';
import { customersPageSchema, type Customer } from '../upflow/schemas';
import type { JobOutcome } from './outcome';
import { normalizeLabel } from '../normalize';

/** Upflow's reasons, completed with the fix a sales person can apply (docs/upflow-api.md). */
const FIXES: Array<[RegExp, string]> = [
  [/account manager not found/i, 'Create a member associated with the uploaded email address, or correct the email.'],
  [/customer was not found/i, 'Check the External ID: it must be the ID of the customer in your source system.'],
  [/dunning plan not found|workflow not found/i, 'Check the workflow name as displayed in Upflow; look for extra spaces.'],
  [/parent customer was not found/i, 'Import the group first, or check its name and ID.'],
  [/already used by a contact/i, 'Each contact email can belong to one customer only; fix the email or the customer.'],
];

export function explain(result: Extract<ApiResult, { ok: false }>): string {
  const fix = FIXES.find(([pattern]) => pattern.test(result.message))?.[1];
  return fix ? `${result.message}. ${fix}`.replace(/\.\. /, '. ') : result.message;
}

/** Upflow could not say whether a customer of that name exists. */
const UNKNOWN = Symbol('unknown');
type Lookup = Customer | null | typeof UNKNOWN;

/** Without an ID, only a name tells whether the customer exists: sending blind could duplicate it. */
const UNVERIFIED = (name: string) => `Upflow could not be asked whether "${name}" already exists, so it was not sent (that could create it twice). Send the failed lines again, or give the customer an ID.`;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * Sends customers to Upflow a round at a time: at most five requests together, never two about
 * one customer, a group before its subsidiaries. Every write can be repeated without creating a
 * duplicate: customers with an External ID are upserted by it, the others are looked up by name
 * first and again before any retry whose first answer was lost.
 */
export class ImportSender {
  /** Upflow ids of the customers sent so far, by job key: subsidiaries name their group by it. */
  readonly idsByKey = new Map<string, string>();

  constructor(private readonly client: UpflowClient) {}

  /** Jobs that can go in one round: no job of the round is the group of another. */
  static nextRound(jobs: readonly CustomerJob[], from: number): CustomerJob[] {
    const round: CustomerJob[] = [];
    for (let i = from; i < jobs.length && round.length < MAX_PARALLEL; i++) {
      const job = jobs[i]!;
      if (job.parentKey && round.some((r) => r.key === job.parentKey)) break;
      round.push(job);
    }
    return round;
  }

  /**
   * The customer of each name, null when Upflow holds none, UNKNOWN when Upflow could not be
   * asked. Only an exact name counts: a server that ignored the filter must not make us update
   * the first customer it lists.
   */
  private lookupByName(names: readonly string[]): Map<string, Lookup> {
    const found = new Map<string, Lookup>();
    for (const group of chunks([...new Set(names)], MAX_PARALLEL)) {
      const results = this.client.sendBatch(group.map((name) => ({ request: { method: 'GET', path: `/customers?name=${encodeURIComponent(name)}&limit=10` } })));
      results.forEach((r, i) => {
        const name = group[i]!;
        const page = r.ok ? customersPageSchema.safeParse(r.data) : null;
        if (!page?.success) {
          found.set(name, UNKNOWN);
          return;
        }
        const key = normalizeLabel(name);
        found.set(name, page.data.customers.find((c) => normalizeLabel(c.name) === key) ?? null);
      });
    }
    return found;
  }

  sendRound(jobs: readonly CustomerJob[]): JobOutcome[] {
    const names: string[] = [];
    for (const job of jobs) {
      if (job.mode === 'import' && !job.externalId) names.push(job.body.name);
      if (job.parentName && !(job.parentKey && this.idsByKey.has(job.parentKey))) names.push(job.parentName);
    }
    const byName = names.length ? this.lookupByName(names) : new Map<string, Lookup>();

    const outcomes: JobOutcome[] = [];
    const calls: Array<{ job: CustomerJob; call: ApiCall }> = [];
    for (const job of jobs) {
      const prepared = this.prepare(job, byName);
      if ('failed' in prepared) outcomes.push(failed(job, prepared.failed));
      else calls.push({ job, call: prepared });
    }
    const results = this.client.sendBatch(calls.map((c) => c.call));
    const followUps: Array<{ index: number; call: ApiCall }> = [];
    calls.forEach(({ job }, i) => {
      const result = results[i]!;
      if (!result.ok) {
        outcomes.push(failed(job, explain(result)));
        return;
      }
      const customer = parseCustomer(result.data);
      if (customer) this.idsByKey.set(job.key, customer.id);
      outcomes.push({
        key: job.key,
        rows: job.rows,
        outcome: result.status === 201 ? 'created' : 'updated',
        message: '',
        upflowId: customer?.id ?? null,
        directUrl: customer?.directUrl ?? null,
      });
      if (customer && job.accountManagerIds.length > 1) {
        followUps.push({
          index: outcomes.length - 1,
          call: { request: { method: 'POST', path: `/customers/${encodeURIComponent(customer.id)}/account-managers`, body: JSON.stringify({ accountManagerIds: job.accountManagerIds }) } },
        });
      }
    });
    if (followUps.length) {
      this.client.sendBatch(followUps.map((f) => f.call)).forEach((result, i) => {
        if (result.ok) return;
        const outcome = outcomes[followUps[i]!.index]!;
        outcome.outcome = 'failed';
        outcome.message = `The customer was saved but its account managers were not: ${explain(result)}`;
      });
    }
    return outcomes;
  }

  private prepare(job: CustomerJob, byName: Map<string, Lookup>): ApiCall | { failed: string } {
    if (job.mode === 'assign') {
      const { externalId, name: _name, ...assignment } = job.body;
      return { request: { method: 'PUT', path: `/customers/external:${encodeURIComponent(externalId)}`, body: JSON.stringify(assignment) } };
    }
    const body = { ...job.body };
    if (!body.parent && (job.parentKey || job.parentName)) {
      const parent = job.parentName ? byName.get(job.parentName) : undefined;
      const parentId = (job.parentKey && this.idsByKey.get(job.parentKey)) || (parent && parent !== UNKNOWN ? parent.id : undefined);
      if (parent === UNKNOWN) return { failed: `Upflow could not be asked where the group "${job.parentName}" is, so this customer was not sent. Send the failed lines again.` };
      if (!parentId) return { failed: `The group "${job.parentName ?? job.parentKey}" was not found in Upflow. Import the group first, or check its name.` };
      body.parent = { id: parentId };
    }
    const payload = JSON.stringify(body);
    if (job.externalId) return { request: { method: 'POST', path: '/customers', body: payload } };
    const existing = byName.get(body.name);
    if (existing === UNKNOWN) return { failed: UNVERIFIED(body.name) };
    if (existing) return { request: { method: 'PUT', path: `/customers/${encodeURIComponent(existing.id)}`, body: payload } };
    return {
      request: { method: 'POST', path: '/customers', body: payload },
      // The first answer was lost: if the customer now exists, that request created it.
      reconcile: () => {
        const now = this.lookupByName([body.name]).get(body.name);
        if (now === UNKNOWN) return { ok: false, status: null, code: 'UNVERIFIED', message: UNVERIFIED(body.name) };
        return now ? { ok: true, status: 201, data: now } : null;
      },
    };
  }
}

function failed(job: CustomerJob, message: string): JobOutcome {
  return { key: job.key, rows: job.rows, outcome: 'failed', message, upflowId: null, directUrl: null };
}
