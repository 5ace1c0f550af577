// The documents of a full-range loopback scan (all 65,535 ports, three listeners): portbot --xml
// against nmap -oX in time, and the peak memory of --xml and --csv against --json's, measured in
// the same runs (interleaved, so a slow spell hits every format alike). Issue 19 asks that a
// full-range --xml scan stay within the --json figure: each of those rows' aim is --json's median.
import { labSkipReason, startListeners } from '../../test/lab/lab.js';
import { parseNmapXml } from '../../test/lab/nmap.js';
import { median, type BenchCase, type BenchContext, type BenchRow } from '../case.js';
import { timedRun, type TimedRun } from '../timed-process.js';

const LISTENERS = [22, 80, 443];
const FORMATS = ['json', 'xml', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** The open ports a document lists, read the way its consumers would. */
function openPorts(format: Format, stdout: string): number[] {
  if (format === 'xml') return [...parseNmapXml(stdout).ports].filter(([, port]) => port.state === 'open').map(([port]) => port);
  if (format === 'csv') return stdout.split('\r\n').filter((row) => row.split(',')[4] === 'open').map((row) => Number(row.split(',')[2]));
  const document = JSON.parse(stdout) as { hosts: { ports: { port: number; state: string }[] }[] };
  return document.hosts[0]!.ports.filter((port) => port.state === 'open').map((port) => port.port);
}

/** Every port present: 65,535 in JSON and CSV; in XML the listed ones plus the folded counts. */
function portCount(format: Format, stdout: string): number {
  if (format === 'xml') {
    const { ports, folded } = parseNmapXml(stdout);
    return ports.size + [...folded.values()].reduce((sum, count) => sum + count, 0);
  }
  if (format === 'csv') return stdout.split('\r\n').filter(Boolean).length - 1;
  return (JSON.parse(stdout) as { hosts: { ports: unknown[] }[] }).hosts[0]!.ports.length;
}

const portbot = (context: BenchContext, namespace: string, format: Format): Promise<TimedRun> =>
  timedRun([...context.portbotCommand, 'scan', '127.0.0.1', 'all', `--${format}`], { namespace, env: { PORTBOT_ALLOWLIST: '127.0.0.1' } });

export const benchCases: BenchCase[] = [
  {
    name: 'documents-loopback-all',
    skipReason: () => labSkipReason(),
    async run(context): Promise<BenchRow[]> {
      const lab = await context.lab('pbd', []);
      await startListeners(lab, { name: 'scanner', namespace: lab.scanner, address: '127.0.0.1' }, { tcpPorts: LISTENERS });
      const ms: Record<Format, number[]> = { json: [], xml: [], csv: [] };
      const rss: Record<Format, number[]> = { json: [], xml: [], csv: [] };
      const nmapMs: number[] = [];
      const nmapRss: number[] = [];
      let correct = true;
      for (let run = 0; run < context.runs; run++) {
        // Rotate the order each run: no format always goes first (cold caches) or last.
        for (const format of [...FORMATS.slice(run % 3), ...FORMATS.slice(0, run % 3)]) {
          const result = await portbot(context, lab.scanner, format);
          ms[format].push(result.ms);
          rss[format].push(result.maxRssMb);
          correct &&= result.exitCode === 0 && openPorts(format, result.stdout).join() === LISTENERS.join() && portCount(format, result.stdout) === 65535;
        }
        const nmap = await timedRun(['nmap', '-sT', '-Pn', '-n', '-p-', '-oX', '-', '127.0.0.1'], { namespace: lab.scanner });
        nmapMs.push(nmap.ms);
        nmapRss.push(nmap.maxRssMb);
      }
      const jsonRss = median(rss.json);
      const memoryRow = (format: Format): BenchRow => ({
        name: `peak RSS, full range --${format} (MB)`,
        kind: 'megabytes',
        aim: format === 'json' ? 120 : jsonRss,
        portbot: rss[format],
        nmap: nmapRss,
        correct,
        note: format === 'json' ? `max ${Math.max(...rss.json).toFixed(0)} MB` : `aim: --json's median; difference ${(median(rss[format]) - jsonRss).toFixed(1)} MB`,
      });
      return [
        { name: 'full range --xml vs nmap -oX', kind: 'ratio', aim: 1.0, portbot: ms.xml, nmap: nmapMs, correct, note: `--json median ${median(ms.json).toFixed(0)} ms, --csv ${median(ms.csv).toFixed(0)} ms` },
        memoryRow('json'),
        memoryRow('xml'),
        memoryRow('csv'),
      ];
    },
  },
];
