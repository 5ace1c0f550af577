// The attempts in flight for one host, oldest first. Per-port state lives in typed arrays indexed
// by the port's position, not in an object per attempt: at 20,000 attempts a second, objects that
// live a few milliseconds get promoted by the garbage collector and inflate memory.
import type { PendingConnect } from './connector.js';
import { Fifo } from './fifo.js';

export class InflightList {
  /** When each port's current attempt started (performance.now()). */
  readonly startedAt: Float64Array;
  private readonly pending: (PendingConnect | undefined)[];
  /** Which launch each port's current attempt is, so older queue entries for it are recognised. */
  private readonly launch: Int32Array;
  /** (index, launch) pairs in start order; entries of finished attempts are dropped when reached. */
  private readonly order = new Fifo<number>();
  private launches = 0;
  count = 0;

  constructor(ports: number) {
    this.startedAt = new Float64Array(ports);
    this.pending = new Array<PendingConnect | undefined>(ports);
    this.launch = new Int32Array(ports);
  }

  add(index: number, pending: PendingConnect, startedAt: number): void {
    this.pending[index] = pending;
    this.startedAt[index] = startedAt;
    this.launch[index] = ++this.launches;
    this.order.push(index);
    this.order.push(this.launches);
    this.count++;
  }

  /** Forgets a port's attempt; false when it was not in flight (already finished or expired). */
  remove(index: number): PendingConnect | undefined {
    const pending = this.pending[index];
    if (pending === undefined) return undefined;
    this.pending[index] = undefined;
    this.count--;
    return pending;
  }

  /** The port whose live attempt started first, or undefined when nothing is in flight. */
  oldest(): number | undefined {
    for (;;) {
      const index = this.order.peek();
      if (index === undefined) return undefined;
      if (this.pending[index] !== undefined && this.launch[index] === this.order.peekSecond()) return index;
      this.order.shift();
      this.order.shift();
    }
  }

  /** Removes every live attempt and returns them (to be aborted). */
  drain(): PendingConnect[] {
    const live = this.pending.filter((pending): pending is PendingConnect => pending !== undefined);
    this.pending.fill(undefined);
    this.count = 0;
    return live;
  }
}
