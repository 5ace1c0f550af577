// Timing of the UDP prober. Probe timeouts follow the measured round-trip times as nmap's do
// (initial 1 s, at least 100 ms); the confirmation batches follow the target's ICMP rate.
import type { TimeoutBounds } from '../tcp/rtt.js';
import { defaultPace, type PaceSettings } from './icmp-evidence.js';

export interface UdpTiming {
  readonly timeout: TimeoutBounds;
  readonly pace: PaceSettings;
  /**
   * How long after the scan starts the target's ICMP bucket surely holds a token again, if this
   * scan spent none (an earlier scan may have emptied it). Linux's default refill is one per 1 s.
   */
  readonly bucketRefillMs: number;
  /** Confirmation batches that settle nothing for this long mean the target stopped answering. */
  readonly giveUpAfterMs: number;
}

export const defaultUdpTiming: UdpTiming = {
  timeout: { initialMs: 1000, minMs: 100, maxMs: 10_000 },
  pace: defaultPace,
  bucketRefillMs: 1100,
  giveUpAfterMs: 20_000,
};
