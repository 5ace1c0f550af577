// Probe timeout that follows the round-trip times the scan measures, as nmap does (timing.cc,
// after RFC 6298): smoothed RTT plus four times its variation, clamped to [min, max]. Until the
// first answer arrives the timeout is the initial value.

export interface TimeoutBounds {
  readonly initialMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export class RttEstimator {
  private srtt = -1;
  private rttvar = -1;
  private timeout: number;

  constructor(private readonly bounds: TimeoutBounds) {
    this.timeout = bounds.initialMs;
  }

  /** Current probe timeout in milliseconds. */
  get timeoutMs(): number {
    return this.timeout;
  }

  record(rttMs: number): void {
    if (this.srtt < 0) {
      this.srtt = rttMs;
      // nmap's floor of 5 ms keeps one lucky first sample from making the timeout razor-thin.
      this.rttvar = Math.max(5, Math.min(rttMs, 2000));
    } else {
      const delta = rttMs - this.srtt;
      // An answer far later than anything seen is usually a kernel SYN retransmission, not a path change.
      if (rttMs >= 8000 && rttMs > 3 * this.srtt) return;
      this.srtt += delta / 8;
      this.rttvar += (Math.abs(delta) - this.rttvar) / 4;
    }
    const { minMs, maxMs } = this.bounds;
    this.timeout = Math.min(maxMs, Math.max(minMs, this.srtt + 4 * this.rttvar));
  }
}
