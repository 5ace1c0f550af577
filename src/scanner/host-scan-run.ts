// The lifecycle the TCP and UDP host scans share: one promise per host, settled exactly once, by
// stop() (done or cancelled: resolves with the ports finished so far) or by fail() (a bug or a
// machine out of sockets). Subclasses say how to probe and how to let go of sockets and timers.
import type { PortVerdicts } from './port-verdicts.js';
import type { HostProbeOptions, PortReason, PortState } from './types.js';

export abstract class HostScanRun {
  protected stopped = false;
  /** One slot per port, in port order, filled as states become final. */
  readonly results: PortVerdicts;
  private resolve: (results: PortVerdicts) => void = () => undefined;
  private reject: (error: unknown) => void = () => undefined;
  private readonly onAbort = (): void => this.stop();
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    protected readonly options: HostProbeOptions,
    results: PortVerdicts,
  ) {
    this.results = results;
  }

  /** Resolves with the finished ports (all of them unless the scan was stopped early). */
  run(): Promise<PortVerdicts> {
    return new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      const { signal } = this.options;
      if (signal?.aborted === true) return this.stop();
      signal?.addEventListener('abort', this.onAbort, { once: true });
      this.pump();
    });
  }

  /** Sends what the share allows; called by run() and again whenever an answer frees a slot. */
  protected abstract pump(): void;

  /** Closes every socket still open and clears the subclass's own timers. */
  protected abstract release(): void;

  /** Times out what has waited too long; called by the one deadline sweep. */
  protected abstract expire(): void;

  protected get sweepArmed(): boolean {
    return this.sweepTimer !== null;
  }

  /** One timer for every deadline, not one per socket; a second call while armed does nothing. */
  protected sweepAfter(delayMs: number): void {
    if (this.sweepTimer !== null || this.stopped) return;
    this.sweepTimer = setTimeout(() => {
      // Decide after this turn's I/O poll: an answer already waiting in the kernel is read first
      // instead of being mistaken for a timeout because the event loop was busy.
      setImmediate(() => {
        this.sweepTimer = null;
        if (!this.stopped) this.expire();
      });
    }, delayMs);
  }

  /** Stores a port's final state once and reports it; false when the port already had one. */
  protected record(index: number, state: PortState, reason: PortReason, rttMs: number | null): boolean {
    if (!this.results.set(index, state, reason, rttMs)) return false;
    try {
      this.options.onResult(index, state);
    } catch (error) {
      this.fail(error);
    }
    return true;
  }

  /** Ends the scan (done or cancelled), closing every socket still open; resolves with what finished. */
  protected stop(): void {
    if (this.stopped) return;
    this.halt();
    this.resolve(this.results.finished());
  }

  protected fail(error: unknown): void {
    if (this.stopped) return;
    this.halt();
    this.reject(error);
  }

  private halt(): void {
    this.stopped = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    if (this.sweepTimer !== null) clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
    this.release();
  }
}
