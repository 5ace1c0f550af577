// Hosts that drop SYNs, in a namespace lab: one drops every SYN (portbot vs nmap -sT -T4: every
// port must be filtered), one drops 20% at random (portbot vs nmap -sT: every port must be closed).
import { labSkipReason } from '../../test/lab/lab.js';
import { nmapSkipReason } from '../../test/lab/nmap.js';
import type { BenchCase, BenchRow } from '../case.js';
import { describeSummary, runNmap, runPortbot } from '../tools.js';

const PORTS = '1-1000';
const skipReason = (): string | undefined => labSkipReason() ?? nmapSkipReason();

export const benchCases: BenchCase[] = [
  {
    name: 'tcp-drop-all',
    skipReason,
    async run(context): Promise<BenchRow[]> {
      const lab = await context.lab('pbt', [{ name: 'silent', iptables: [['-A', 'INPUT', '-p', 'tcp', '-j', 'DROP']] }]);
      const address = lab.host('silent').address;
      const ours: number[] = [];
      let correct = true;
      let note = '';
      for (let run = 0; run < context.runs; run++) {
        const portbot = await runPortbot(context, lab.scanner, address, PORTS);
        ours.push(portbot.ms);
        correct &&= portbot.report.hosts[0]?.summary.filtered === 1000;
        note = `portbot: ${describeSummary(portbot.report.hosts[0]!.summary)}`;
      }
      // nmap -T4 takes about 100 s here: one run is enough to set the scale.
      const nmap = await runNmap(lab.scanner, address, ['-sT', '-T4', '-Pn', '-n', `-p${PORTS}`]);
      note += `; nmap (1 run): filtered ${String(nmap.result.folded.get('filtered') ?? nmap.result.ports.size)}`;
      return [{ name: '1,000 ports, every SYN dropped (nmap -T4)', kind: 'ratio', aim: 0.05, portbot: ours, nmap: [nmap.ms], correct, note }];
    },
  },
  {
    name: 'tcp-loss-20',
    skipReason,
    async run(context): Promise<BenchRow[]> {
      const drop20: string[] = ['-A', 'INPUT', '-p', 'tcp', '--syn', '-m', 'statistic', '--mode', 'random', '--probability', '0.2', '-j', 'DROP'];
      const lab = await context.lab('pbt', [{ name: 'lossy', iptables: [drop20] }]);
      const address = lab.host('lossy').address;
      const ours: number[] = [];
      const theirs: number[] = [];
      let wrong = 0;
      let nmapWrong = 0;
      for (let run = 0; run < context.runs; run++) {
        const portbot = await runPortbot(context, lab.scanner, address, PORTS);
        ours.push(portbot.ms);
        wrong += 1000 - (portbot.report.hosts[0]?.summary.closed ?? 0);
        if (run < 3) {
          const nmap = await runNmap(lab.scanner, address, ['-sT', '-Pn', '-n', `-p${PORTS}`]);
          theirs.push(nmap.ms);
          nmapWrong += 1000 - (nmap.result.folded.get('closed') ?? 0);
        }
      }
      const note = `ports not reported closed: portbot ${String(wrong)} over ${String(ours.length)} runs, nmap ${String(nmapWrong)} over ${String(theirs.length)}`;
      return [{ name: '1,000 closed ports, 20% of SYNs dropped', kind: 'ratio', aim: 0.5, portbot: ours, nmap: theirs, correct: wrong === 0, note }];
    },
  },
];
