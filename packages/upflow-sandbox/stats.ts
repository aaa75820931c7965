/** Counters for GET /_admin/stats and the in-memory log of /v1 requests shown on the page (never headers). */

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  /** null when the connection was dropped without an answer */
  status: number | null;
  ms: number;
}

export interface StatsSnapshot {
  requests: number;
  byStatus: Record<string, number>;
  /** Answered /v1 requests by method: writes are those that are not GET. */
  byMethod: Record<string, number>;
  rateLimited: number;
  dropped: number;
  inFlight: number;
  maxInFlightSeen: number;
  requestsPerMinute: number;
  /** The most /v1 requests that arrived in any 60-second window since start (or reset). */
  peakRequestsPerMinute: number;
  startedAt: string;
  fileWrites: number;
  fileWriteMsAvg: number;
}

const LOG_SIZE = 200;
const WINDOW_MS = 60_000;

export class Stats {
  private requests = 0;
  private byStatus: Record<string, number> = {};
  private byMethod: Record<string, number> = {};
  private rateLimited = 0;
  private dropped = 0;
  private open = 0;
  private maxInFlightSeen = 0;
  private arrivals: number[] = [];
  /** Start of the busiest window seen so far lives in `peak`; `windowStart` indexes `arrivals`. */
  private peak = 0;
  private windowStart = 0;
  private startedAt = new Date();
  private log: RequestLogEntry[] = [];

  /**
   * A /v1 request arrived. `maxInFlightSeen` counts every /v1 request open at the same time,
   * including those then refused (401, 429): it measures what the client did, not what was admitted.
   */
  begin(nowMs: number): void {
    this.requests += 1;
    this.open += 1;
    if (this.open > this.maxInFlightSeen) this.maxInFlightSeen = this.open;
    this.arrivals.push(nowMs);
    while ((this.arrivals[this.windowStart] ?? nowMs) <= nowMs - WINDOW_MS) this.windowStart += 1;
    this.peak = Math.max(this.peak, this.arrivals.length - this.windowStart);
    if (this.windowStart > 4096) {
      this.arrivals = this.arrivals.slice(this.windowStart);
      this.windowStart = 0;
    }
  }

  end(entry: RequestLogEntry): void {
    this.open = Math.max(0, this.open - 1);
    if (entry.status === null) this.dropped += 1;
    else {
      const key = String(entry.status);
      this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
      this.byMethod[entry.method] = (this.byMethod[entry.method] ?? 0) + 1;
      if (entry.status === 429) this.rateLimited += 1;
    }
    this.log.push(entry);
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }

  /** The last `n` requests, newest first. */
  recent(n: number): RequestLogEntry[] {
    return this.log.slice(-n).reverse();
  }

  /** `requestsPerMinute`: /v1 requests that arrived during the last 60 seconds. */
  snapshot(nowMs: number, inFlight: number, file: { writes: number; totalMs: number }): StatsSnapshot {
    let perMinute = 0;
    for (let i = this.arrivals.length - 1; i >= 0 && (this.arrivals[i] ?? 0) > nowMs - WINDOW_MS; i -= 1) perMinute += 1;
    return {
      requests: this.requests,
      byStatus: { ...this.byStatus },
      byMethod: { ...this.byMethod },
      rateLimited: this.rateLimited,
      dropped: this.dropped,
      inFlight,
      maxInFlightSeen: this.maxInFlightSeen,
      requestsPerMinute: perMinute,
      peakRequestsPerMinute: this.peak,
      startedAt: this.startedAt.toISOString(),
      fileWrites: file.writes,
      fileWriteMsAvg: file.writes ? Math.round((file.totalMs / file.writes) * 1000) / 1000 : 0,
    };
  }

  /** Back to zero (reset); requests still open stay counted as open. */
  reset(): void {
    this.requests = 0;
    this.byStatus = {};
    this.byMethod = {};
    this.rateLimited = 0;
    this.dropped = 0;
    this.maxInFlightSeen = this.open;
    this.arrivals = [];
    this.windowStart = 0;
    this.peak = 0;
    this.startedAt = new Date();
    this.log = [];
  }
}
