// A scanned host's status from the scan's own answers, as nmap -Pn reports it: any handshake or
// refusal proves the host up, and the fastest of them is its latency (the others waited behind
// the scan's own queue). Read from the typed arrays where possible: no result object per port.
import { PortVerdicts } from './port-verdicts.js';
import type { HostReason, HostStatus, PortResultList } from './types.js';
import { verdictOf } from './verdict-codes.js';

const PROVES_UP: ReadonlySet<string> = new Set<HostReason>(['syn-ack', 'conn-refused']);

/** Up with the fastest TCP answer's reason and RTT; undefined when no TCP port answered. */
export function statusFromPorts(lists: readonly PortResultList[]): HostStatus | undefined {
  let best: { reason: HostReason; rtt: number } | undefined;
  const consider = (reason: string, rtt: number | null): void => {
    if (rtt === null || Number.isNaN(rtt) || !PROVES_UP.has(reason)) return;
    if (best === undefined || rtt < best.rtt) best = { reason: reason as HostReason, rtt };
  };
  for (const list of lists) {
    if (list instanceof PortVerdicts) {
      if (list.protocol !== 'tcp') continue;
      for (let index = 0; index < list.length; index++) if (list.isFinished(index)) consider(verdictOf(list.codeAt(index))[1], list.rttAt(index));
    } else {
      for (const result of list) if (result.protocol === 'tcp') consider(result.reason, result.rttMs);
    }
  }
  return best === undefined ? undefined : { state: 'up', reason: best.reason, latencyMs: best.rtt };
}
