// How long service detection waits, and how much it reads. A port that answers gets a few round
// trips; one that never answers costs at most the deadline, and nothing reads more than the cap.

export interface DetectTiming {
  /** Listening for a greeting on a port no probe is likely for (SSH, SMTP, MySQL speak first). */
  readonly bannerMs: number;
  /** Waiting for the first byte of an answer to a probe, or of a greeting where one is likely. */
  readonly replyMs: number;
  /** A pause this long after some bytes ends an answer that no pattern completed. */
  readonly idleMs: number;
  /** Everything spent on one port, connections and handshakes included. */
  readonly portDeadlineMs: number;
  /** The most bytes kept from one answer. */
  readonly maxReplyBytes: number;
}

export const defaultDetectTiming: DetectTiming = {
  bannerMs: 300,
  replyMs: 1500,
  idleMs: 150,
  portDeadlineMs: 5000,
  maxReplyBytes: 4096,
};
