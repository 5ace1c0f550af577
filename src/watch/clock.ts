// Wall-clock time and timers for the watch runner, injectable so tests can step time. Slots are
// wall-clock instants ("daily at 06:00"), so the real timer wakes at least once a minute and
// compares with Date.now(): a clock that NTP moved, or a machine that slept, still runs on time,
// and a delay beyond setTimeout's 24.8-day limit needs no special case.

export interface WatchClock {
  now(): Date;
  /** Calls `fire` once, when this clock reaches `at` (at once when it has); returns a function that cancels it. */
  setTimer(at: Date, fire: () => void): () => void;
}

const LONGEST_SLEEP_MS = 60_000;

export const systemClock: WatchClock = {
  now: () => new Date(),
  setTimer(at, fire) {
    let handle: NodeJS.Timeout | undefined;
    const wait = (): void => {
      const left = at.getTime() - Date.now();
      if (left <= 0) {
        handle = undefined;
        fire();
        return;
      }
      handle = setTimeout(wait, Math.min(left, LONGEST_SLEEP_MS));
    };
    wait();
    return () => {
      if (handle !== undefined) clearTimeout(handle);
      handle = undefined;
    };
  },
};
