import type { PortProbe, Protocol } from '../scanner/types.js';

/**
 * Builds "22,80,443,8000-8100" from ports added in ascending order, one at a time: a reader of a
 * 65,535-port result can fold it without first gathering the numbers in an array.
 */
export class PortRanges {
  private readonly parts: string[] = [];
  private start = -1;
  private end = -1;

  add(port: number): void {
    if (port === this.end + 1 && this.start !== -1) {
      this.end = port;
      return;
    }
    this.flush();
    this.start = port;
    this.end = port;
  }

  toString(): string {
    this.flush();
    return this.parts.join(',');
  }

  private flush(): void {
    if (this.start === -1) return;
    this.parts.push(this.start === this.end ? String(this.start) : `${this.start}-${this.end}`);
    this.start = -1;
    this.end = -1;
  }
}

/** "22,80,443,8000-8100": consecutive ports folded into ranges. Expects sorted, unique ports. */
function foldRanges(ports: readonly number[]): string {
  const ranges = new PortRanges();
  for (let index = 0; index < ports.length; index++) ranges.add(ports[index]!);
  return ranges.toString();
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
