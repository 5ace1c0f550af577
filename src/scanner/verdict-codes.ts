// A port's final state and reason as one byte: results are stored and handed between threads in
// typed arrays (port-verdicts.ts, threaded-scan.ts) instead of an object per port.
import type { PortReason, PortState } from './types.js';

const OUTCOMES: readonly (readonly [PortState, PortReason])[] = [
  ['open', 'syn-ack'],
  ['closed', 'conn-refused'],
  ['filtered', 'no-response'],
  ['filtered', 'host-unreach'],
  ['filtered', 'net-unreach'],
  ['filtered', 'admin-prohibited'],
  ['open', 'udp-response'],
  ['closed', 'port-unreach'],
  ['open|filtered', 'no-response'],
];

export function verdictCode(state: PortState, reason: PortReason): number {
  // A plain loop: this runs once per port, and findIndex would allocate a closure each time.
  for (let code = 0; code < OUTCOMES.length; code++) {
    const [knownState, knownReason] = OUTCOMES[code]!;
    if (knownState === state && knownReason === reason) return code;
  }
  throw new RangeError(`no verdict code for ${state}/${reason}`);
}

export function verdictOf(code: number): readonly [PortState, PortReason] {
  const outcome = OUTCOMES[code];
  if (outcome === undefined) throw new RangeError(`unknown verdict code ${code}`);
  return outcome;
}
