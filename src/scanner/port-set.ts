// The distinct port numbers of one protocol in a probe list, sorted. A full-range scan has 65,535
// of them: a 64 KB bitmap then replaces the Set, the copies and the sort, each of which would
// leave half a megabyte or more of garbage in V8's large-object space until the next full GC.
import type { PortProbe, Protocol } from './types.js';

export function uniqueSortedPorts(probes: readonly PortProbe[], protocol: Protocol): number[] {
  const seen = new Uint8Array(65536);
  let count = 0;
  // An index loop: this runs once per scan, before the optimiser has seen it, and an unoptimised
  // for-of allocates an iterator result per element (5 MB of garbage for a full range).
  for (let index = 0; index < probes.length; index++) {
    const probe = probes[index]!;
    if (probe.protocol !== protocol || seen[probe.port] === 1) continue;
    seen[probe.port] = 1;
    count++;
  }
  const ports = new Array<number>(count);
  let next = 0;
  for (let port = 0; port < seen.length; port++) if (seen[port] === 1) ports[next++] = port;
  return ports;
}
