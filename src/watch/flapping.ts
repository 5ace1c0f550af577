// The flapping rule, on one port's history of changes between consecutive answering runs:
//
// - A port is FLAPPING when it changed (state or service) FLAP_CHANGES or more times within the
//   last FLAP_RUNS answering runs (FLAP_RUNS - 1 comparisons): "open, closed, open, closed".
// - A change is announced as it happens, unless it makes the port flapping: then one summary is
//   announced instead ("8080/tcp flapped 3 times in the last 5 runs; last seen open").
// - While a port is flapping its changes are not announced. It stops flapping when it has kept one
//   state for FLAP_RUNS answering runs in a row, and that is announced once ("steady again: open").
//
// So a port that opens and is closed again by its owner is two announcements; a port that keeps
// going back and forth is at most two, a summary, and a final "steady". The verdict depends only
// on the history it is given: replayed from the oldest comparison with the port not flapping, so a
// restarted bot that reads the same stored results decides the same. WATCH_HISTORY_RUNS results
// are enough for every flap shorter than that; a longer one may be summarised a second time.

export const FLAP_RUNS = 5;
export const FLAP_CHANGES = 3;

export type PortVerdict =
  /** Nothing to say: no change, or a change while flapping. */
  | { readonly kind: 'quiet' }
  /** Announce the change. */
  | { readonly kind: 'change' }
  /** Announce that the port flaps: `changes` within the last `runs` answering runs. */
  | { readonly kind: 'flapping'; readonly changes: number; readonly runs: number }
  /** Announce that a flapping port has kept one state for the last `runs` runs. */
  | { readonly kind: 'steady'; readonly runs: number };

const QUIET: PortVerdict = { kind: 'quiet' };
const CHANGE: PortVerdict = { kind: 'change' };

/** `changed[j]`: whether the port changed between answering runs j and j + 1, oldest first. The verdict is for the newest comparison. */
export function portVerdict(changed: readonly boolean[]): PortVerdict {
  const window = FLAP_RUNS - 1;
  let flapping = false;
  let verdict = QUIET;
  for (let index = 0; index < changed.length; index++) {
    let changes = 0;
    for (let back = Math.max(0, index - window + 1); back <= index; back++) if (changed[back] === true) changes++;
    const changedNow = changed[index] === true;
    if (!flapping) {
      if (changedNow && changes >= FLAP_CHANGES) {
        flapping = true;
        verdict = { kind: 'flapping', changes, runs: Math.min(FLAP_RUNS, index + 2) };
      } else verdict = changedNow ? CHANGE : QUIET;
    } else if (changes === 0) {
      flapping = false;
      verdict = { kind: 'steady', runs: FLAP_RUNS };
    } else verdict = QUIET;
  }
  return verdict;
}
