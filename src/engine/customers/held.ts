import type { CustomerRequest } from '../payloads/types';
import type { Customer } from '../upflow/schemas';
import { lookAlikeKey, nameKey } from './name';

/** Which customer Upflow holds for a line of the sheet, decided from the full list only. */
export type Match =
  | { kind: 'existing'; customer: Customer }
  /** Upflow holds none: the write creates it. `lookAlike`: held customers whose name differs only by accents or punctuation. */
  | { kind: 'new'; lookAlike: Customer[] }
  /** Several held customers have this name (or this External ID): no write can tell which one is meant. */
  | { kind: 'ambiguous'; customers: Customer[] }
  /** An assignment names an External ID Upflow does not hold, or a line an Upflow ID it does not hold (`upflowId`). */
  | { kind: 'missing'; upflowId?: string }
  /** The line's Upflow ID and Customer ID name two different customers Upflow holds. */
  | { kind: 'conflict'; byUpflowId: Customer; byCustomerId: Customer };

/** The matches no write can go ahead with: the line is refused with the reason. */
export type Unmatched = Extract<Match, { kind: 'ambiguous' | 'missing' | 'conflict' }>;
export const isUnmatched = (match: Match): match is Unmatched => match.kind === 'ambiguous' || match.kind === 'missing' || match.kind === 'conflict';

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The customers Upflow holds, read from every page of `GET /customers` and kept current as the
 * import creates customers. Never from a filtered query: whether Upflow honours a name filter is
 * [open] (docs/upflow-api.md), and a name decides a write only when exactly one customer has it.
 */
export class HeldCustomers {
  private readonly byId = new Map<string, Customer>();
  private byExternalId = new Map<string, Customer[]>();
  private byName = new Map<string, Customer[]>();
  private byLookAlike = new Map<string, Customer[]>();

  constructor(customers: readonly Customer[]) {
    for (const customer of customers) this.byId.set(customer.id, customer);
    this.index();
  }

  private index(): void {
    this.byExternalId = new Map();
    this.byName = new Map();
    this.byLookAlike = new Map();
    for (const c of this.byId.values()) {
      if (c.externalId) push(this.byExternalId, c.externalId, c);
      push(this.byName, nameKey(c.name), c);
      push(this.byLookAlike, lookAlikeKey(c.name), c);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Customer | undefined {
    return this.byId.get(id);
  }

  /** A customer written by this import: what Upflow answered replaces what the list said. */
  add(customer: Customer): void {
    const known = this.byId.get(customer.id);
    // An answer may leave out contacts the list carried; keep them rather than forget them.
    const kept = known && !customer.contacts ? { ...customer, contacts: known.contacts ?? null } : customer;
    this.byId.set(customer.id, kept);
    if (known) this.index();
    else {
      if (kept.externalId) push(this.byExternalId, kept.externalId, kept);
      push(this.byName, nameKey(kept.name), kept);
      push(this.byLookAlike, lookAlikeKey(kept.name), kept);
    }
  }

  byUpflowId(upflowId: string, externalId: string | null): Match {
    const customer = this.byId.get(upflowId);
    if (!customer) return { kind: 'missing', upflowId };
    const other = externalId ? (this.byExternalId.get(externalId) ?? []).find((c) => c.id !== upflowId) : undefined;
    return other ? { kind: 'conflict', byUpflowId: customer, byCustomerId: other } : { kind: 'existing', customer };
  }

  byExternal(externalId: string): Match {
    const found = this.byExternalId.get(externalId) ?? [];
    if (found.length > 1) return { kind: 'ambiguous', customers: found };
    return found[0] ? { kind: 'existing', customer: found[0] } : { kind: 'missing' };
  }

  byNameOf(name: string): Match {
    const found = this.byName.get(nameKey(name)) ?? [];
    if (found.length > 1) return { kind: 'ambiguous', customers: found };
    if (found[0]) return { kind: 'existing', customer: found[0] };
    const lookAlike = (this.byLookAlike.get(lookAlikeKey(name)) ?? []).filter((c) => nameKey(c.name) !== nameKey(name));
    return { kind: 'new', lookAlike };
  }

  /**
   * Upflow ID first (a pulled sheet names the very customer; it must be held, and a Customer ID on
   * the line must not be another customer's), then Customer ID (Upflow upserts by it), else the
   * name; an assignment needs its External ID held.
   */
  match(request: CustomerRequest): Match {
    if (request.upflowId) return this.byUpflowId(request.upflowId, request.externalId);
    if (request.externalId) {
      const found = this.byExternal(request.externalId);
      if (found.kind !== 'missing' || request.mode === 'assign') return found;
      return { kind: 'new', lookAlike: [] };
    }
    return request.mode === 'assign' ? { kind: 'missing' } : this.byNameOf(request.body.name);
  }

  /** Customers of that name that carry no External ID: what a line with a new ID might have meant. */
  sameNameWithoutId(name: string): Customer[] {
    return (this.byName.get(nameKey(name)) ?? []).filter((c) => !c.externalId);
  }
}
