/**
 * A clock for the emulator (its `now` and `sleep` options): real time goes on, so HTTP latency and
 * execution limits stay what they are, but a sleep returns at once and moves the clock forward by
 * its length. A test of backoff then waits nothing and can still read every wait that was asked.
 */
export interface SkippingClock {
  now: () => number;
  sleep: (ms: number) => void;
  /** Every sleep asked for, in order. */
  readonly slept: number[];
}

export function skippingClock(): SkippingClock {
  let skipped = 0;
  const slept: number[] = [];
  return {
    now: () => Date.now() + skipped,
    sleep: (ms) => {
      slept.push(ms);
      skipped += ms;
    },
    slept,
  };
}
