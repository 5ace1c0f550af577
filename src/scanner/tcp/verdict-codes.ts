// A port's final state and reason as one byte, so a scanner thread can hand thousands of verdicts
// to the main thread in a typed array (one copy, no object per port) instead of PortResults.
import type { PortReason, PortState } from '../types.js';

const OUTCOMES: readonly (readonly [PortState, PortReason])[] = [
  ['open', 'syn-ack'],
  ['closed', 'conn-refused'],
  ['filtered', 'no-response'],
  ['filtered', 'host-unreach'],
  ['filtered', 'net-unreach'],
  ['filtered', 'admin-prohibited'],
];

export function verdictCode(state: PortState, reason: PortReason): number {
  const code = OUTCOMES.findIndex(([s, r]) => s === state && r === reason);
  if (code < 0) throw new RangeError(`no verdict code for ${state}/${reason}`);
  return code;
}

export function verdictOf(code: number): readonly [PortState, PortReason] {
  const outcome = OUTCOMES[code];
  if (outcome === undefined) throw new RangeError(`unknown verdict code ${code}`);
  return outcome;
}
