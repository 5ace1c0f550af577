// All 65,535 ports of loopback with three listeners, portbot vs nmap -sT -Pn -n -p-, and the
// peak memory of portbot's full-range scan. Runs in a lab namespace of its own when root, so the
// only listeners on that loopback are ours and both scanners must find exactly them.
import { labSkipReason, startListeners } from '../../test/lab/lab.js';
import { median, type BenchCase, type BenchRow } from '../case.js';
import { describeSummary, runNmap, runPortbot } from '../tools.js';

const LISTENERS = [22, 80, 443];

export const benchCases: BenchCase[] = [
  {
    name: 'tcp-loopback-all',
    skipReason: () => labSkipReason(),
    async run(context): Promise<BenchRow[]> {
      const lab = await context.lab('pbt', []);
      await startListeners(lab, { name: 'scanner', namespace: lab.scanner, address: '127.0.0.1' }, { tcpPorts: LISTENERS });
      const ours: number[] = [];
      const memory: number[] = [];
      const theirs: number[] = [];
      const theirMemory: number[] = [];
      let correct = true;
      let note = '';
      for (let run = 0; run < context.runs; run++) {
        const portbot = await runPortbot(context, lab.scanner, '127.0.0.1', 'all');
        ours.push(portbot.ms);
        memory.push(portbot.maxRssMb);
        const host = portbot.report.hosts[0]!;
        const open = [...host.ports].filter((port) => port.state === 'open').map((port) => port.port);
        correct &&= host.ports.length === 65535 && open.join() === LISTENERS.join();
        note = `portbot: ${describeSummary(host.summary)}`;
        const nmap = await runNmap(lab.scanner, '127.0.0.1', ['-sT', '-Pn', '-n', '-p-']);
        theirs.push(nmap.ms);
        theirMemory.push(nmap.maxRssMb);
        const nmapOpen = [...nmap.result.ports].filter(([, port]) => port.state === 'open').map(([port]) => port);
        if (nmapOpen.join() !== open.join()) note += `; nmap open: ${nmapOpen.join(',')}`;
      }
      return [
        { name: 'all 65,535 loopback ports', kind: 'ratio', aim: 1.0, portbot: ours, nmap: theirs, correct, note },
        {
          name: 'peak RSS of that scan (MB)',
          kind: 'megabytes',
          aim: 120,
          portbot: memory,
          nmap: theirMemory,
          correct,
          note: `max of ${memory.length} runs: ${Math.max(...memory).toFixed(0)} MB (median ${median(memory).toFixed(0)})`,
        },
      ];
    },
  },
];
