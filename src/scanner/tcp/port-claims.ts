// Which of a host's ports a scan starts next. One thread counts for itself; threads sharing one
// host share a counter in shared memory, so each port is started exactly once and a thread that
// runs faster simply takes more ports (a fixed split left one thread idle for the last 0.7 s of a
// full-range loopback scan while the other finished its half).

/** Hands out positions in the host's sorted port list, each once, in order. */
export interface PortClaims {
  /** The next position to start, or undefined when every port has been handed out. */
  next(): number | undefined;
  /** True once next() has returned undefined: nothing more will come. */
  readonly exhausted: boolean;
}

export function localClaims(count: number): PortClaims {
  let next = 0;
  const claims = {
    exhausted: false,
    next: (): number | undefined => {
      if (next < count) return next++;
      claims.exhausted = true;
      return undefined;
    },
  };
  return claims;
}

/** A counter for sharedClaims, to hand to every thread scanning the host. */
export const sharedClaimCounter = (): Int32Array => new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

/** Claims from a counter shared between threads (Atomics: no two threads get the same position). */
export function sharedClaims(counter: Int32Array, count: number): PortClaims {
  const claims = {
    exhausted: false,
    next: (): number | undefined => {
      if (claims.exhausted) return undefined;
      const position = Atomics.add(counter, 0, 1);
      if (position < count) return position;
      claims.exhausted = true;
      return undefined;
    },
  };
  return claims;
}
