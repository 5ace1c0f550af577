import type { PortResult, StateSummary } from './types.js';

/** How many ports ended in each state (only the states that occur). */
export function summarise(ports: readonly PortResult[]): StateSummary {
  const summary: Partial<Record<PortResult['state'], number>> = {};
  // An index loop: it runs once per host, unoptimised, and a for-of would allocate per port.
  for (let index = 0; index < ports.length; index++) {
    const { state } = ports[index]!;
    summary[state] = (summary[state] ?? 0) + 1;
  }
  return summary;
}
