/**
 * Fault injection: makes the sandbox misbehave on purpose, reproducibly when `seed` is set.
 * Random draws happen in a fixed order per admitted request (error, which error, drop, error after
 * apply), and only for the switches that are on, so a given seed and request sequence always gives
 * the same faults.
 */
import type { Faults } from './schemas';

/** mulberry32: small, fast, good enough for test decisions. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultDecision {
  /** Answer this status before applying anything. */
  errorBefore: 500 | 503 | null;
  /** Destroy the socket without answering: before the handler, or after it applied the request. */
  drop: 'before' | 'after' | null;
  /** Apply the request, then answer 500 (a lost response). */
  errorAfterApply: boolean;
  slowMs: number;
}

export class FaultInjector {
  private config: Faults = {};
  private random: () => number = Math.random;
  private burstLeft = 0;

  constructor(initial: Faults = {}) {
    this.set(initial);
  }

  /** Replaces the whole configuration (`{}` turns every fault off). */
  set(faults: Faults): void {
    this.config = { ...faults };
    this.burstLeft = faults.burst429 ?? 0;
    this.random = faults.seed === undefined ? Math.random : mulberry32(faults.seed);
  }

  /** The configuration, with `burst429` as the number of 429s still to give. */
  get(): Faults {
    return { ...this.config, burst429: this.burstLeft };
  }

  /** True when this request must answer 429 (Retry-After: 1) as part of a burst. */
  takeBurst(): boolean {
    if (this.burstLeft <= 0) return false;
    this.burstLeft -= 1;
    return true;
  }

  private chance(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }

  decide(): FaultDecision {
    const c = this.config;
    const decision: FaultDecision = { errorBefore: null, drop: null, errorAfterApply: false, slowMs: c.slowMs ?? 0 };
    if (this.chance(c.errorRate)) {
      decision.errorBefore = this.random() < 0.5 ? 500 : 503;
      return decision;
    }
    if (this.chance(c.dropRate)) decision.drop = c.dropAfterApply ? 'after' : 'before';
    if (this.chance(c.errorAfterApplyRate)) decision.errorAfterApply = true;
    return decision;
  }
}
