// One global cap on open sockets, shared max-min fairly between running scans: each scan gets an
// equal share, a scan that needs less than its share (3 ports) leaves the rest to the others, and
// shares are recomputed whenever a scan starts or ends. Scanners read `current()` before each new
// probe, so a full-range scan shrinks as soon as someone else starts a scan. The in-process
// executor owns one pool (PORTBOT_MAX_SOCKETS); an agent on another machine has its own.
import type { ConcurrencyShare } from '../scanner/types.js';

export interface SocketSeat extends ConcurrencyShare {
  leave(): void;
}

export interface SocketPool {
  /** `demand`: the most sockets this scan could use at once (addresses x ports). */
  join(demand: number): SocketSeat;
  readonly running: number;
}

export function createSocketPool(cap: number): SocketPool {
  const demands = new Map<symbol, number>();
  let shares = new Map<symbol, number>();

  const reshare = (): void => {
    const next = new Map<symbol, number>();
    const byDemand = [...demands].sort((a, b) => a[1] - b[1]);
    let left = cap;
    byDemand.forEach(([seat, demand], index) => {
      // At least one socket each, so a scan always progresses even when scans outnumber the cap.
      const share = Math.max(1, Math.min(demand, Math.floor(left / (byDemand.length - index))));
      next.set(seat, share);
      left = Math.max(0, left - share);
    });
    shares = next;
  };

  return {
    join(demand) {
      const seat = Symbol('scan');
      demands.set(seat, Math.max(1, demand));
      reshare();
      let seated = true;
      return {
        current: () => shares.get(seat) ?? 1,
        leave() {
          if (!seated) return;
          seated = false;
          demands.delete(seat);
          reshare();
        },
      };
    },
    get running() {
      return demands.size;
    },
  };
}
