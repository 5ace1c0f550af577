// Benchmark: 100 UDP ports of a lab host with Linux's default ICMP rate limit, portbot's UDP
// prober side by side with `nmap -sU -Pn -n` in the same run. The host is a typical firewalled
// server: DNS, NTP and an echo service answering, a silent listener, 42 dropped ports, REJECTs
// with port-unreachable, admin- and host-prohibited, and 51 closed ports. The floor for both is
// the host's ICMP rate: about one closed port a second after a burst of six.
// Run alone: `node dist/bench/cases/udp.js [runs]` (root, nmap, iptables); needs the lab.
import { pathToFileURL } from 'node:url';
import { labSkipReason } from '../../test/lab/lab.js';
import type { BenchCase, BenchRow } from '../case.js';
import { createUdpLab, LAB_PORTS, labTruth, scanWithNmap, scanWithPortbot, type PortAnswer } from '../../test/scanner/udp/udp-lab.js';

export interface UdpBenchResult {
  readonly name: string;
  readonly ports: number;
  readonly runs: number;
  readonly portbotMs: readonly number[];
  readonly nmapMs: readonly number[];
  readonly portbotMedianMs: number;
  readonly nmapMedianMs: number;
  /** portbot / nmap, from the medians. */
  readonly ratio: number;
  /** Ports where the answers differ (state and reason), from the last run. */
  readonly disagreements: readonly string[];
  /** Ports each scanner got wrong against the lab's known layout, from the last run. */
  readonly portbotWrong: number;
  readonly nmapWrong: number;
}

const wrong = (answers: readonly PortAnswer[]): number => answers.filter((answer) => comparable(answer) !== labTruth(answer.port, DROPPED)).length;

const DROPPED = Array.from({ length: 40 }, (_, index) => 700 + index);
const CLOSED = Array.from({ length: 51 }, (_, index) => 1000 + index);
export const BENCH_PORTS: readonly number[] = [
  LAB_PORTS.echo, LAB_PORTS.dns, LAB_PORTS.ntp, LAB_PORTS.silent, ...LAB_PORTS.drop,
  LAB_PORTS.portUnreachable, LAB_PORTS.adminProhibited, LAB_PORTS.hostProhibited, ...DROPPED, ...CLOSED,
];
// ICMP codes 0 and 1 ports are left out: a connected socket cannot see them (README, udp section).

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// nmap names ICMP code 10 host-prohibited; portbot's reasons call codes 10 and 13 admin-prohibited.
const comparable = (answer: PortAnswer): string => `${answer.state} ${answer.reason === 'host-prohibited' ? 'admin-prohibited' : answer.reason}`;

/** Lets the host's ICMP bucket refill (burst of six at one a second), so each scan starts alike. */
const refill = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 7000));

export async function runUdpBench(runs = 3): Promise<UdpBenchResult> {
  const skip = labSkipReason();
  if (skip !== undefined) throw new Error(skip);
  const udpLab = await createUdpLab('pbu', [['-A', 'INPUT', '-p', 'udp', '--dport', `${DROPPED[0]}:${DROPPED.at(-1)}`, '-j', 'DROP']]);
  try {
    const portbotTimes: number[] = [];
    const nmapTimes: number[] = [];
    let disagreements: string[] = [];
    let portbotWrong = 0;
    let nmapWrong = 0;
    for (let run = 0; run < runs; run++) {
      await refill();
      const ours = scanWithPortbot(udpLab, BENCH_PORTS);
      await refill();
      const theirs = scanWithNmap(udpLab, BENCH_PORTS);
      portbotTimes.push(ours.durationMs);
      nmapTimes.push(theirs.durationMs);
      portbotWrong = wrong(ours.answers);
      nmapWrong = wrong(theirs.answers);
      const nmapByPort = new Map(theirs.answers.map((answer) => [answer.port, comparable(answer)]));
      disagreements = ours.answers
        .filter((answer) => nmapByPort.get(answer.port) !== comparable(answer))
        .map((answer) => `${answer.port}: portbot ${comparable(answer)}, nmap ${nmapByPort.get(answer.port) ?? 'missing'}`);
    }
    const portbotMedianMs = median(portbotTimes);
    const nmapMedianMs = median(nmapTimes);
    return { name: 'udp-100-ports-rate-limited', ports: BENCH_PORTS.length, runs, portbotMs: portbotTimes, nmapMs: nmapTimes, portbotMedianMs, nmapMedianMs, ratio: portbotMedianMs / nmapMedianMs, disagreements, portbotWrong, nmapWrong };
  } finally {
    udpLab.lab.destroy();
  }
}

/** For bench/run.ts: one ratio row; `correct` is portbot's answers against the lab's layout. */
export const benchCases: BenchCase[] = [
  {
    name: 'udp-rate-limited',
    skipReason: () => labSkipReason(),
    async run(context): Promise<BenchRow[]> {
      const result = await runUdpBench(context.runs);
      const note = `portbot wrong on ${result.portbotWrong} ports, nmap -sU wrong on ${result.nmapWrong} (the floor is the host's ICMP rate)`;
      return [{ name: '100 UDP ports, default ICMP rate limit (nmap -sU)', kind: 'ratio', aim: 0.5, portbot: result.portbotMs, nmap: result.nmapMs, correct: result.portbotWrong === 0, note }];
    },
  },
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv[2] ?? 3);
  const result = await runUdpBench(Number.isInteger(runs) && runs > 0 ? runs : 3);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
