import type { PortResult, StateSummary } from './types.js';

/** How many ports ended in each state (only the states that occur). */
export function summarise(ports: readonly PortResult[]): StateSummary {
  const summary: Partial<Record<PortResult['state'], number>> = {};
  for (const { state } of ports) summary[state] = (summary[state] ?? 0) + 1;
  return summary;
}
