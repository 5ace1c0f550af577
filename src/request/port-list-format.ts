import type { PortProbe, Protocol } from '../scanner/types.js';

/** "22,80,443,8000-8100": consecutive ports folded into ranges. Expects sorted, unique ports. */
function foldRanges(ports: readonly number[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < ports.length) {
    const start = ports[index] ?? 0;
    let end = start;
    while (ports[index + 1] === end + 1) {
      end += 1;
      index += 1;
    }
    parts.push(start === end ? String(start) : `${start}-${end}`);
    index += 1;
  }
  return parts.join(',');
}

/**
 * A port list in short form for summaries and the audit log: "22,80,443,8000-8100" when all
 * ports are TCP, else with nmap's prefixes, "T:22,80,U:53,161". parsePortSpec reads it back.
 */
export function formatPortList(probes: readonly PortProbe[]): string {
  const ports = (protocol: Protocol): number[] =>
    [...new Set(probes.filter((probe) => probe.protocol === protocol).map((probe) => probe.port))].sort((a, b) => a - b);
  const tcp = ports('tcp');
  const udp = ports('udp');
  if (udp.length === 0) return foldRanges(tcp);
  return [tcp.length > 0 ? `T:${foldRanges(tcp)}` : '', `U:${foldRanges(udp)}`].filter((part) => part !== '').join(',');
}
