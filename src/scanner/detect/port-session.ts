// The connections of one port's detection: one deadline for all of them, a clean connection kept
// for the next probe when a banner wait heard nothing, and every socket closed at the end or when
// the scan is cancelled.
import { openConnection, type Answer, type ProbeConnection, type ReadOptions } from './connection.js';
import type { DetectTiming } from './timing.js';

export interface PortTarget {
  readonly address: string;
  readonly family: 4 | 6;
  readonly port: number;
  /** The host name the scan was asked for (SNI, certificate name check); undefined for address targets. */
  readonly name?: string;
  /** The port's registered service name (PortResult.service), or null. */
  readonly registered: string | null;
}

export class PortSession {
  readonly deadline: number;
  private readonly open = new Set<{ close(): void }>();
  private idle: ProbeConnection | null = null;
  private cancelled = false;
  private readonly onAbort = (): void => this.closeAll(true);

  constructor(
    readonly target: PortTarget,
    readonly timing: DetectTiming,
    private readonly signal?: AbortSignal,
  ) {
    this.deadline = performance.now() + timing.portDeadlineMs;
    signal?.addEventListener('abort', this.onAbort, { once: true });
    if (signal?.aborted === true) this.cancelled = true;
  }

  get over(): boolean {
    return this.cancelled || performance.now() >= this.deadline;
  }

  get remainingMs(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  /** The clean connection a silent banner wait left, or a new one; null when none can be made in time. */
  async connection(): Promise<ProbeConnection | null> {
    const kept = this.idle;
    this.idle = null;
    if (kept !== null && !kept.spent) return kept;
    if (this.over) return null;
    const { address, family, port } = this.target;
    const connection = await openConnection(address, family, port, Math.min(this.timing.replyMs, this.remainingMs), this.timing.maxReplyBytes);
    if (connection === null) return null;
    if (this.cancelled) {
      connection.close();
      return null;
    }
    return this.track(connection);
  }

  /** Keeps a connection that nothing was sent on and nothing came from, for the next probe. */
  keep(connection: ProbeConnection): void {
    if (connection.used || connection.spent) connection.close();
    else this.idle = connection;
  }

  track<T extends { close(): void }>(closable: T): T {
    this.open.add(closable);
    return closable;
  }

  read(connection: ProbeConnection, firstByteMs: number, complete?: (text: string) => boolean): Promise<Answer> {
    const options: ReadOptions = { firstByteMs, idleMs: this.timing.idleMs, deadline: this.deadline, ...(complete ? { complete } : {}) };
    return connection.read(options);
  }

  closeAll(cancelled = false): void {
    if (cancelled) this.cancelled = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const closable of this.open) closable.close();
    this.open.clear();
    this.idle = null;
  }
}
