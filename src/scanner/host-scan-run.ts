// The lifecycle the TCP and UDP host scans share: one promise per host, settled exactly once, by
// stop() (done or cancelled: resolves with the ports finished so far) or by fail() (a bug or a
// machine out of sockets). Subclasses say how to probe and how to let go of sockets and timers.
import type { HostProbeOptions, PortResult } from './types.js';

export abstract class HostScanRun {
  protected stopped = false;
  /** One slot per port, in port order; undefined until the port's state is final. */
  protected readonly results: (PortResult | undefined)[];
  private resolve: (results: PortResult[]) => void = () => undefined;
  private reject: (error: unknown) => void = () => undefined;
  private readonly onAbort = (): void => this.stop();

  constructor(
    protected readonly options: HostProbeOptions,
    portCount: number,
  ) {
    this.results = new Array<PortResult | undefined>(portCount);
  }

  run(): Promise<PortResult[]> {
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

  /** Closes every socket still open and clears every timer. */
  protected abstract release(): void;

  /** Ends the scan (done or cancelled), closing every socket still open; resolves with what finished. */
  protected stop(): void {
    if (this.stopped) return;
    this.halt();
    this.resolve(this.results.filter((result): result is PortResult => result !== undefined));
  }

  protected fail(error: unknown): void {
    if (this.stopped) return;
    this.halt();
    this.reject(error);
  }

  private halt(): void {
    this.stopped = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.release();
  }
}
