// `portbot ping` of a /24 (test/lab/subnet-lab.ts: 49 live addresses, 205 that drop every packet)
// against nmap's host discovery alone (`nmap -sn`, as root: ICMP echo and timestamp, SYN to 443,
// ACK to 80) on the same lab. Both must call every live address up and every dropping one down.
import { labSkipReason } from '../../test/lab/lab.js';
import { nmapSkipReason } from '../../test/lab/nmap.js';
import { createSubnetLab, SUBNET, type SubnetLab } from '../../test/lab/subnet-lab.js';
import type { BenchCase, BenchContext, BenchRow } from '../case.js';
import { timedRun } from '../timed-process.js';

interface PingDocument {
  readonly hosts: readonly { readonly address: string; readonly status: { readonly state: string } }[];
}

/** Addresses in the wrong state in portbot's answer. */
function mistakes(subnet: SubnetLab, document: PingDocument): string[] {
  return subnet.addresses.flatMap((address) => {
    const state = document.hosts.find((host) => host.address === address)?.status.state;
    return state === (subnet.live.has(address) ? 'up' : 'down') ? [] : [`${address} ${state ?? 'missing'}`];
  });
}

const nmapUp = (xml: string): Set<string> => new Set([...xml.matchAll(/<host(?: [^>]*)?><status state="up"[^>]*\/>\s*<address addr="([\d.]+)"/g)].map((match) => match[1]!));

/** Five runs of each, side by side; every address's state checked in portbot's answers. */
async function measure(context: BenchContext, subnet: SubnetLab): Promise<BenchRow> {
  const samples = { portbot: [] as number[], nmap: [] as number[] };
  const problems = new Set<string>();
  let nmapNote = '';
  for (let run = 0; run < context.runs; run++) {
    const portbot = await timedRun([...context.portbotCommand, 'ping', SUBNET, '--json'], { namespace: subnet.lab.scanner, env: { PORTBOT_ALLOWLIST: SUBNET } });
    if (portbot.exitCode !== 0) throw new Error(`portbot ping ${SUBNET} exited with ${String(portbot.exitCode)}`);
    samples.portbot.push(portbot.ms);
    for (const problem of mistakes(subnet, JSON.parse(portbot.stdout) as PingDocument)) problems.add(problem);
    const nmap = await timedRun(['nmap', '-sn', '-n', '-oX', '-', SUBNET], { namespace: subnet.lab.scanner });
    samples.nmap.push(nmap.ms);
    const up = nmapUp(nmap.stdout);
    const wrong = subnet.addresses.filter((address) => up.has(address) !== subnet.live.has(address));
    nmapNote = `nmap: ${up.size} up${wrong.length > 0 ? ` (wrong: ${wrong.slice(0, 5).join(' ')})` : ''}`;
  }
  const ours = problems.size === 0 ? `portbot: ${subnet.live.size} up, ${254 - subnet.live.size} down, all right` : [...problems].slice(0, 5).join('; ');
  return { name: '/24 ping, 49 live + 205 dropping: portbot ping vs nmap -sn', kind: 'ratio', aim: 1, ...samples, correct: problems.size === 0, note: `${ours}; ${nmapNote}` };
}

export const benchCases: BenchCase[] = [
  {
    name: 'ping-24',
    skipReason: () => labSkipReason() ?? nmapSkipReason(),
    run: async (context) => {
      const subnet = await createSubnetLab('pbg');
      try {
        return [await measure(context, subnet)];
      } finally {
        subnet.lab.destroy();
      }
    },
  },
];
