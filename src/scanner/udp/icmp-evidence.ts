// Telling a silent port from a closed one whose ICMP error the target's rate limit swallowed.
//
// Hosts cap the ICMP errors they send (Linux: net.ipv4.icmp_ratelimit, a token bucket of about
// one error per second per destination with a burst of six; loopback is exempt). A port whose
// probe got no answer is only known to be silent if the target could have sent an error at that
// moment. The proof used here: tokens only appear with time and are only spent by errors, so
// when a datagram sent later in the same back-to-back batch drew an ICMP error, every earlier
// one in that batch met a non-empty bucket; had its port been closed, it would have drawn an
// error too. Each batch therefore ends with a "canary", a port already known to draw ICMP
// errors: if the canary answers, every silent port of the batch is truly silent.

export type BatchOutcome =
  | 'answer' /** a UDP answer: the port is open */
  | 'icmp' /** an ICMP error from the target (spent a token) */
  | 'final-local' /** decided without reaching the target (no route, local firewall) */
  | 'silent' /** nothing came back before the deadline */
  | 'not-sent'; /** never left this machine (out of descriptors and the like) */

/**
 * Which silent probes of one batch are proven silent. `outcomes` is in send order, canary last.
 * `bucketFull`: nothing was ever spent from the target's bucket in this scan and long enough has
 * passed for it to hold a token, so a batch with no error at all proves its ports silent too.
 */
export function provenSilent(outcomes: readonly BatchOutcome[], bucketFull: boolean): boolean[] {
  const lastError = outcomes.lastIndexOf('icmp');
  const noErrors = lastError === -1;
  return outcomes.map((outcome, position) => outcome === 'silent' && (position < lastError || (noErrors && bucketFull)));
}

export interface PaceSettings {
  readonly initialIntervalMs: number;
  readonly minIntervalMs: number;
  readonly maxIntervalMs: number;
  readonly initialWindow: number;
  readonly maxWindow: number;
}

export const defaultPace: PaceSettings = { initialIntervalMs: 250, minIntervalMs: 20, maxIntervalMs: 4000, initialWindow: 16, maxWindow: 256 };

/**
 * Batch pacing that finds the target's ICMP rate. A batch that drew an error met a token; the
 * next one comes a little sooner, since a bucket holding one and a half tokens still yields one
 * error and a plain "slow down only on failure" rule would drift to twice the refill interval.
 * A batch whose canary drew nothing met an empty bucket: the next one comes later. Such a
 * batch costs no token, only datagrams, so running a third of batches into an empty bucket
 * (where these two factors balance) keeps every token used within a fraction of a refill.
 */
export class IcmpPacer {
  intervalMs: number;
  window: number;

  constructor(private readonly settings: PaceSettings = defaultPace) {
    this.intervalMs = settings.initialIntervalMs;
    this.window = settings.initialWindow;
  }

  afterBatch(batch: { readonly hadCanary: boolean; readonly icmpErrors: number; readonly windowResolved: boolean }): void {
    const { minIntervalMs, maxIntervalMs, maxWindow } = this.settings;
    if (batch.icmpErrors > 0) this.intervalMs = Math.max(minIntervalMs, this.intervalMs * 0.85);
    else if (batch.hadCanary) this.intervalMs = Math.min(maxIntervalMs, this.intervalMs * 1.3);
    // A window that settled in one batch was small for this target: widen it.
    if (batch.windowResolved) this.window = Math.min(maxWindow, this.window * 2);
  }
}
