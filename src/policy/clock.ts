/** Milliseconds on a clock that only moves forward; injectable so tests can step time. */
export interface Clock {
  now(): number;
}

export const monotonicClock: Clock = { now: () => performance.now() };
