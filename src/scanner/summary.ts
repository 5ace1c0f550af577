import { PortVerdicts } from './port-verdicts.js';
import type { HostReport, PortResultList, PortState, StateSummary } from './types.js';

/** How many ports ended in each state (only the states that occur). */
export function summarise(ports: PortResultList): StateSummary {
  // The scanner's own lists count from their codes, without building a result per port.
  if (ports instanceof PortVerdicts) return ports.summary();
  const summary: StateSummary = {};
  for (const { state } of ports) summary[state] = (summary[state] ?? 0) + 1;
  return summary;
}

/** Ports per state over several hosts, from their summaries (a full range is 65,535 ports a host to count otherwise). */
export function stateTotals(hosts: readonly Pick<HostReport, 'summary'>[]): Map<PortState, number> {
  const totals = new Map<PortState, number>();
  for (const { summary } of hosts) {
    for (const [state, count] of Object.entries(summary) as [PortState, number][]) totals.set(state, (totals.get(state) ?? 0) + count);
  }
  return totals;
}
