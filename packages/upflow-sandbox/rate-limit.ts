/**
 * Upflow's published limits, per organisation: at most N requests in any sliding 60-second window
 * (600 by default) and at most M requests in flight (10 by default).
 *
 * [inferred] Only admitted requests count in the window: a request answered 429 does not use up
 * the quota, so a client that waits `Retry-After` seconds gets through. Requests refused for bad
 * credentials are not counted either (they belong to no organisation).
 */
export type Admission = { ok: true } | { ok: false; reason: 'window' | 'in-flight'; retryAfterSeconds: number };

export class RateLimiter {
  private times: number[] = [];
  private head = 0;
  private inFlightCount = 0;

  constructor(
    private readonly perWindow: number,
    private readonly maxInFlight: number,
    private readonly windowMs = 60_000,
  ) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  /** Admits the request (counting it) or says why not and when to retry. `now` is monotonic ms. */
  admit(now: number): Admission {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.windowMs) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    const inWindow = this.times.length - this.head;
    if (inWindow >= this.perWindow) {
      // The window frees a slot when its oldest admitted request turns 60 s old.
      const oldest = this.times[this.head] ?? now;
      const waitMs = oldest + this.windowMs - now;
      return { ok: false, reason: 'window', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    if (this.inFlightCount >= this.maxInFlight) {
      // [inferred] A slot frees as soon as a request in flight ends: retry after the minimum, 1 s.
      return { ok: false, reason: 'in-flight', retryAfterSeconds: 1 };
    }
    this.times.push(now);
    this.inFlightCount += 1;
    return { ok: true };
  }

  /** An admitted request has ended (answered or dropped). */
  release(): void {
    this.inFlightCount = Math.max(0, this.inFlightCount - 1);
  }

  /** Forgets the window (reset); requests still in flight keep their slot until they end. */
  clearWindow(): void {
    this.times = [];
    this.head = 0;
  }
}
