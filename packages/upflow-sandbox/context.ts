/** What the routes share: the database, where the sandbox is reachable, and the tooling state. */
import type { SandboxDb } from './db';
import type { FaultInjector } from './faults';
import type { Readings } from './readings';
import type { RateLimiter } from './rate-limit';
import type { Stats, StatsSnapshot } from './stats';

export interface AppContext {
  db: SandboxDb;
  /** e.g. http://127.0.0.1:4010 (known once listening) */
  origin: string;
  faults: FaultInjector;
  /** How the sandbox answers the [open] points of the API notes. */
  readings: Readings;
  limiter: RateLimiter;
  stats: Stats;
  statsSnapshot(): StatsSnapshot;
  /** Back to the seed. */
  reset(): void;
}
