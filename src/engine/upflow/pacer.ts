/**
 * Keeps requests under Upflow's per-minute limit with a sliding window of send times, so an
 * import runs close to the limit without being answered 429.
 */
export class Pacer {
  private sent: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => void,
  ) {}

  /** Waits until `count` more requests fit in the window, then records them as sent. */
  reserve(count: number): void {
    // A second more than Upflow's minute: our clock and Upflow's see a request at slightly
    // different times, and a request let go at the edge of our window must not be the 601st of theirs.
    const windowMs = 61_000;
    for (;;) {
      const t = this.now();
      while (this.sent.length && this.sent[0]! <= t - windowMs) this.sent.shift();
      if (this.sent.length + count <= this.perMinute) break;
      const freeAt = this.sent[this.sent.length + count - this.perMinute - 1]! + windowMs;
      this.sleep(Math.max(freeAt - t, 10));
    }
    const t = this.now();
    for (let i = 0; i < count; i++) this.sent.push(t);
  }

  /** The window, so a job split over several executions keeps pacing across them. */
  snapshot(): number[] {
    return [...this.sent];
  }

  restore(times: readonly number[]): void {
    this.sent = [...times];
  }
}
