import { contactsForHeld } from '../customers/contacts';
import type { HeldCustomers, Match } from '../customers/held';
import { nameKey } from '../customers/name';
import { compareWithUpflow, type CustomerRequest } from '../payloads';
import type { ImportRequest } from '../payloads/types';
import { MAX_PARALLEL, parseCustomer, UpflowError, type ApiCall, type ApiResult, type UpflowClient } from '../upflow/client';
import type { Contact, Customer, CustomerBody } from '../upflow/schemas';
import { explain, matchProblem } from './explain';
import type { RequestOutcome } from './outcome';

/** What an import run tells the sender beyond the customers to send. */
export interface SendContext {
  /** Every customer Upflow holds, read at the start of this execution and kept current here. */
  held: HeldCustomers;
  /**
   * Keys of customers this import set out to create in an execution that was stopped before it
   * wrote their results: if Upflow holds them now, this import created them.
   */
  createdEarlier?: ReadonlySet<string>;
  /** Called with the keys of a round's creates before they are sent, so a later execution can tell. */
  beforeCreates?: (keys: readonly string[]) => void;
}

/** A customer ready to go: the request, and what Upflow held before it. */
interface Prepared {
  request: CustomerRequest;
  call: ApiCall;
  target: Customer | null;
}

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}`;

/**
 * Sends customers to Upflow a round at a time: at most five requests together, never two about
 * one customer, a group before its subsidiaries. Which customer a line writes to is decided from
 * Upflow's full list (HeldCustomers), never from a filtered query; a write that may already have
 * been applied (lost answer, 500) is checked against Upflow before it goes again.
 */
export class ImportSender {
  /** Upflow ids of the customers sent so far, by request key: subsidiaries name their group by it. */
  readonly idsByKey = new Map<string, string>();

  constructor(
    private readonly client: UpflowClient,
    private readonly context: SendContext,
  ) {}

  /** Requests that can go in one round: no request of the round is the group of another. */
  static nextRound(requests: readonly CustomerRequest[], from: number): CustomerRequest[] {
    const round: CustomerRequest[] = [];
    for (let i = from; i < requests.length && round.length < MAX_PARALLEL; i++) {
      const request = requests[i]!;
      if (request.parentKey && round.some((r) => r.key === request.parentKey)) break;
      round.push(request);
    }
    return round;
  }

  sendRound(requests: readonly CustomerRequest[]): RequestOutcome[] {
    const outcomes = new Map<string, RequestOutcome>();
    const targets = new Map<string, Customer | null>();
    for (const request of requests) {
      const target = this.targetOf(request);
      if ('failed' in target) outcomes.set(request.key, failed(request, target.failed));
      else targets.set(request.key, target.customer);
    }

    const heldContacts = this.contactsOfTargets(
      requests.filter((j) => targets.get(j.key) && sendsContacts(j)),
      targets,
    );
    const prepared: Prepared[] = [];
    for (const request of requests) {
      if (outcomes.has(request.key)) continue;
      const target = targets.get(request.key) ?? null;
      const contacts = target ? heldContacts.get(target.id) : undefined;
      if (contacts === null) {
        outcomes.set(
          request.key,
          failed(
            request,
            'Upflow could not tell which contacts this customer already has, so it was not sent (its contacts could have been duplicated). Send the failed lines again.',
          ),
        );
        continue;
      }
      const known = target && contacts ? { ...target, contacts } : target;
      const result = this.prepare(request, known);
      if ('failed' in result) outcomes.set(request.key, failed(request, result.failed));
      else if ('unchanged' in result) {
        if (target) this.idsByKey.set(request.key, target.id);
        outcomes.set(request.key, done(request, this.wasCreatedEarlier(request, target) ? 'created' : 'unchanged', target));
      } else prepared.push(result);
    }

    const creates = prepared.filter((p) => p.target === null).map((p) => p.request.key);
    if (creates.length) this.context.beforeCreates?.(creates);
    const results = this.client.sendBatch(prepared.map((p) => p.call));
    const managed: Array<{ request: CustomerRequest; id: string }> = [];
    prepared.forEach(({ request, target }, i) => {
      const result = results[i]!;
      if (!result.ok) {
        outcomes.set(request.key, failed(request, explain(result)));
        return;
      }
      const customer = parseCustomer(result.data);
      const id = customer?.id ?? target?.id ?? null;
      if (customer) this.context.held.add(customer);
      if (id) this.idsByKey.set(request.key, id);
      // Created or updated is whether Upflow held the customer before this import wrote it, never the status code.
      const outcome = done(request, target === null || this.wasCreatedEarlier(request, target) ? 'created' : 'updated', customer ?? target);
      outcomes.set(request.key, outcome);
      if (id && request.accountManagerIds.length > 1) managed.push({ request, id });
    });
    this.assignManagers(managed, outcomes);
    return requests.map((request) => outcomes.get(request.key)!);
  }

  private wasCreatedEarlier(request: CustomerRequest, target: Customer | null): boolean {
    return target !== null && (this.context.createdEarlier?.has(request.key) ?? false);
  }

  /** The held customer the request writes to (null: it creates one), or why it can't be sent. */
  private targetOf(request: CustomerRequest): { customer: Customer | null } | { failed: string } {
    const match: Match = this.context.held.match(request);
    if (match.kind === 'existing') return { customer: match.customer };
    if (match.kind === 'new') return { customer: null };
    return { failed: matchProblem(request, match) };
  }

  /**
   * The contacts each target holds, when the list did not carry them ([open]): read from the
   * customer's contacts route. null when Upflow could not say.
   */
  private contactsOfTargets(requests: readonly CustomerRequest[], targets: ReadonlyMap<string, Customer | null>): Map<string, Contact[] | null> {
    const found = new Map<string, Contact[] | null>();
    const unknown: string[] = [];
    for (const request of requests) {
      const target = targets.get(request.key);
      if (!target) continue;
      if (target.contacts) found.set(target.id, target.contacts);
      else unknown.push(target.id);
    }
    for (const id of unknown) {
      try {
        found.set(id, this.client.listContacts(id));
      } catch (error) {
        if (!(error instanceof UpflowError)) throw error;
        found.set(id, null);
      }
    }
    return found;
  }

  private prepare(request: CustomerRequest, target: Customer | null): Prepared | { failed: string } | { unchanged: true } {
    if (request.mode === 'assign') {
      // Found by External ID in the list, written by Upflow id: `PUT /customers/external:…` is [open].
      if (!target)
        return {
          failed: 'The customer was not found: Upflow holds no customer with this External ID. Check the External ID: it must be the ID of the customer in your source system.',
        };
      if (compareWithUpflow(request, target).outcome === 'unchanged') return { unchanged: true };
      const { externalId: _id, name: _name, ...assignment } = request.body;
      return { request, target, call: { request: { method: 'PUT', path: customerPath(target.id), body: JSON.stringify(assignment) } } };
    }
    const body: CustomerBody = { ...request.body };
    if (!body.parent && (request.parentKey || request.parentName)) {
      const parent = this.parentOf(request);
      if ('failed' in parent) return parent;
      body.parent = { id: parent.id };
    }
    const groupId = body.parent && 'id' in body.parent ? body.parent.id : undefined;
    if (target && compareWithUpflow(request, target, groupId).outcome === 'unchanged') return { unchanged: true };
    if (target) {
      if (body.contacts && target.contacts) body.contacts = contactsForHeld(body.contacts, target.contacts);
      return { request, target, call: this.update(target.id, body) };
    }
    // Contact ids name contacts of a held customer; a new customer's contacts are new too.
    if (body.contacts) body.contacts = body.contacts.map(({ id: _held, ...contact }) => contact);
    return { request, target, call: this.create(request, body) };
  }

  private parentOf(request: ImportRequest): { id: string } | { failed: string } {
    const sent = request.parentKey ? this.idsByKey.get(request.parentKey) : undefined;
    if (sent) return { id: sent };
    if (request.parentName) {
      const match = this.context.held.byNameOf(request.parentName);
      if (match.kind === 'existing') return { id: match.customer.id };
      if (match.kind === 'ambiguous')
        return {
          failed: `Upflow holds ${match.customers.length} customers named "${request.parentName}", so the group of this customer is unclear; it was not sent. Fill in the Group ID with the Customer ID of the right group.`,
        };
    }
    return { failed: `The group "${request.parentName ?? request.parentKey}" was not found in Upflow. Import the group first, or check its name.` };
  }

  /**
   * `PUT /customers/{id}` is idempotent but for the contacts it adds: if its answer is lost, the
   * customer's contacts are read again and a write whose new contacts are all there is done.
   */
  private update(id: string, body: CustomerBody): ApiCall {
    const added = (body.contacts ?? []).filter((c) => c.id === undefined).map((c) => c.email!.toLowerCase());
    return {
      request: { method: 'PUT', path: customerPath(id), body: JSON.stringify(body) },
      ...(added.length
        ? {
            reconcile: (): ApiResult | null => {
              let held: Contact[];
              try {
                held = this.client.listContacts(id);
              } catch {
                return {
                  ok: false,
                  status: null,
                  code: 'UNVERIFIED',
                  message:
                    'Upflow could not be asked whether this update went through, so it was not sent again (its new contacts could have been duplicated). Send the failed lines again.',
                };
              }
              const emails = new Set(held.map((c) => c.email?.toLowerCase()));
              return added.every((e) => emails.has(e)) ? { ok: true, status: 200, data: { id, contacts: held } } : null;
            },
          }
        : {}),
    };
  }

  /**
   * `POST /customers` for a customer Upflow does not hold. If the answer is lost, the full list
   * is read again: a customer of this External ID, or of this name that wasn't there before,
   * means the create went through and is not sent twice.
   */
  private create(request: ImportRequest, body: CustomerBody): ApiCall {
    const before = this.context.held;
    return {
      request: { method: 'POST', path: '/customers', body: JSON.stringify(body) },
      reconcile: (): ApiResult | null => {
        let now: Customer[];
        try {
          now = this.client.listCustomers();
        } catch {
          return {
            ok: false,
            status: null,
            code: 'UNVERIFIED',
            message: `Upflow could not be asked whether "${body.name}" was created, so it was not sent again (that could create it twice). Send the failed lines again.`,
          };
        }
        const mine = now.filter((c) => (request.externalId ? c.externalId === request.externalId : nameKey(c.name) === nameKey(body.name) && !before.has(c.id)));
        if (mine.length === 1) return { ok: true, status: 200, data: mine[0] };
        if (mine.length > 1)
          return {
            ok: false,
            status: null,
            code: 'AMBIGUOUS',
            message: `Upflow now holds ${mine.length} customers named "${body.name}"; this import may have created one of them. Check them in Upflow before sending this line again.`,
          };
        return null;
      },
    };
  }

  /**
   * Several account managers: the first went in `accountManagerId` ([spec]); the list goes to the
   * account-managers route, whose body and add-or-replace behaviour are [open], so the customer is
   * read back and the line says so when Upflow did not keep them all.
   */
  private assignManagers(managed: ReadonlyArray<{ request: CustomerRequest; id: string }>, outcomes: Map<string, RequestOutcome>): void {
    for (const group of chunks(managed, MAX_PARALLEL)) {
      const posted = this.client.sendBatch(
        group.map(({ request, id }) => ({
          request: { method: 'POST', path: `${customerPath(id)}/account-managers`, body: JSON.stringify({ accountManagerIds: request.accountManagerIds }) },
        })),
      );
      const readBack = this.client.sendBatch(group.map(({ id }) => ({ request: { method: 'GET', path: customerPath(id) } })));
      group.forEach(({ request }, i) => {
        const outcome = outcomes.get(request.key)!;
        const post = posted[i]!;
        if (!post.ok) {
          outcome.message = `The customer was saved with its first account manager only: ${explain(post)}`;
          return;
        }
        const back = readBack[i]!;
        const customer = back.ok ? parseCustomer(back.data) : null;
        const kept = customer?.accountManagerIds ?? (customer?.accountManagerId ? [customer.accountManagerId] : null);
        if (kept === null) outcome.message = 'Upflow did not say which account managers it kept: check them in Upflow.';
        else if (!request.accountManagerIds.every((m) => kept.includes(m))) {
          outcome.message = `Upflow kept ${kept.length} of the ${request.accountManagerIds.length} account managers: check them in Upflow.`;
        }
      });
    }
  }
}

const sendsContacts = (request: CustomerRequest): boolean => request.mode === 'import' && (request.body.contacts?.length ?? 0) > 0;

function done(request: CustomerRequest, outcome: 'created' | 'updated' | 'unchanged', customer: Customer | null): RequestOutcome {
  return { key: request.key, rows: request.rows, outcome, message: '', upflowId: customer?.id ?? null, directUrl: customer?.directUrl ?? null };
}

function failed(request: CustomerRequest, message: string): RequestOutcome {
  return { key: request.key, rows: request.rows, outcome: 'failed', message, upflowId: null, directUrl: null };
}
