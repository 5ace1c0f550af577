// Runs nmap inside a lab namespace and reads its XML output (-oX): every listed port's state and
// reason, plus the ports nmap folded into <extraports> (counted by state).
import { execFileSync } from 'node:child_process';
import type { Lab } from './lab.js';

export interface NmapPort {
  readonly state: string;
  readonly reason: string;
}

export interface NmapResult {
  readonly ports: ReadonlyMap<number, NmapPort>;
  /** Folded ports: state -> count (nmap lists a state only as a count when it is the majority). */
  readonly folded: ReadonlyMap<string, number>;
}

export function nmapSkipReason(): string | undefined {
  try {
    execFileSync('nmap', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'nmap is not installed: comparison with nmap skipped (apt-get install nmap)';
  }
}

/** `nmap <args> -oX - <address>` run inside `namespace`. */
export function runNmap(lab: Lab, namespace: string, address: string, args: readonly string[]): NmapResult {
  return parseNmapXml(lab.exec(namespace, 'nmap', [...args, '-oX', '-', address]));
}

export function parseNmapXml(xml: string): NmapResult {
  const ports = new Map<number, NmapPort>();
  for (const match of xml.matchAll(/<port protocol="\w+" portid="(\d+)"><state state="([^"]+)" reason="([^"]+)"/g)) {
    ports.set(Number(match[1]), { state: match[2]!, reason: match[3]! });
  }
  const folded = new Map<string, number>();
  for (const match of xml.matchAll(/<extraports state="([^"]+)" count="(\d+)"/g)) folded.set(match[1]!, Number(match[2]));
  return { ports, folded };
}
