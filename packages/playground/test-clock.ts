/**
 * TEST ONLY, no such thing in Apps Script or in `npm start`: a clock for the add-on that runs
 * `speed` times faster than real time (1: at real pace), on which Utilities.sleep returns at once
 * and moves the clock forward by its length, as test/support/skipping-clock.ts does for the
 * add-on tests. A browser test then sees an import's 25-second steps and Upflow's backoff pass in
 * a fraction of the time; the sandbox keeps real time, so a test slows its answers by the same
 * factor to keep the proportions it means.
 */
export interface AddOnClock {
  now: () => number;
  sleep: (ms: number) => void;
}

export function testClock(speed: number): AddOnClock {
  const start = Date.now();
  let skipped = 0;
  return {
    now: () => start + (Date.now() - start) * speed + skipped,
    sleep: (ms) => {
      skipped += ms;
    },
  };
}
