// Host discovery on a /24 (test/lab/subnet-lab.ts): 49 live addresses, 204 that drop every packet,
// the 94 common ports. portbot with its default discovery against nmap -sT with nmap's; both must
// find every live host, call every dropping one down, and report every open port.
import { commonPorts } from '../../src/knowledge/index.js';
import { labSkipReason } from '../../test/lab/lab.js';
import { nmapSkipReason } from '../../test/lab/nmap.js';
import { createSubnetLab, SUBNET, type SubnetLab } from '../../test/lab/subnet-lab.js';
import type { BenchCase, BenchRow } from '../case.js';
import { timedRun } from '../timed-process.js';
import { runPortbot } from '../tools.js';

interface Host {
  readonly address: string;
  readonly status?: { readonly state: string };
  readonly summary: Record<string, number | undefined>;
}

/** What is wrong in portbot's answer: a host in the wrong state, or a live host's open ports not all found. */
function mistakes(subnet: SubnetLab, hosts: readonly Host[]): string[] {
  const problems: string[] = [];
  for (const address of subnet.addresses) {
    const host = hosts.find((candidate) => candidate.address === address);
    const live = subnet.live.has(address);
    if (host?.status?.state !== (live ? 'up' : 'down')) problems.push(`${address} ${host?.status?.state ?? 'missing'}`);
    const special = address === subnet.echoOnly || address === subnet.refuseOnly;
    if (live && !special && host?.summary['open'] !== subnet.openPorts.length) problems.push(`${address} open ${String(host?.summary['open'])}`);
  }
  return problems;
}

/** nmap's XML lists the hosts it found up (without -v it leaves the down ones out). */
const nmapUp = (xml: string): Set<string> => new Set([...xml.matchAll(/<host [^>]*><status state="up"[^>]*\/>\s*<address addr="([\d.]+)"/g)].map((match) => match[1]!));

export const benchCases: BenchCase[] = [
  {
    name: 'discovery-24',
    skipReason: () => labSkipReason() ?? nmapSkipReason(),
    async run(context): Promise<BenchRow[]> {
      const subnet = await createSubnetLab('pbn');
      try {
        const { lab } = subnet;
        const ours: number[] = [];
        const theirs: number[] = [];
        const problems = new Set<string>();
        let nmapNote = '';
        const commonTcp = commonPorts('tcp').map((probe) => probe.port).join(',');
        for (let run = 0; run < context.runs; run++) {
          const portbot = await runPortbot(context, lab.scanner, SUBNET, 'common');
          ours.push(portbot.ms);
          for (const problem of mistakes(subnet, portbot.report.hosts)) problems.add(problem);
          if (run < 3) {
            const nmap = await timedRun(['nmap', '-sT', '-n', `-p${commonTcp}`, '-oX', '-', SUBNET], { namespace: lab.scanner });
            theirs.push(nmap.ms);
            const up = nmapUp(nmap.stdout);
            const missed = [...subnet.live].filter((address) => !up.has(address));
            const extra = [...up].filter((address) => !subnet.live.has(address));
            nmapNote = `nmap: ${up.size} up${missed.length + extra.length > 0 ? ` (missed ${missed.join(' ') || 'none'}, extra ${extra.join(' ') || 'none'})` : ''}`;
          }
        }
        const note = `${problems.size === 0 ? `portbot: ${subnet.live.size} up, ${254 - subnet.live.size} down, every open port found` : [...problems].slice(0, 5).join('; ')}; ${nmapNote}`;
        return [{ name: '/24, 49 live + 205 dropping, 94 ports: portbot with discovery (nmap -sT beside it)', kind: 'milliseconds', aim: 10_000, portbot: ours, nmap: theirs, correct: problems.size === 0, note }];
      } finally {
        subnet.lab.destroy();
      }
    },
  },
];
