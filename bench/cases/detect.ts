// Service detection, portbot --services against nmap -sT -sV, on real servers in a namespace lab,
// all on ports other than their usual ones: Debian's sshd, redis-server and PostgreSQL, and
// Python's HTTP server plain and behind TLS (Node's where Python is missing). Both must name every
// port; where they disagree, the note says who said what (the lab's truth is known: it started
// the servers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labSkipReason } from '../../test/lab/lab.js';
import { nmapSkipReason } from '../../test/lab/nmap.js';
import { pythonAvailable, serversSkipReason, startPostgres, startPythonWebServer, startRedis, startSshd, startWebServers, waitForPorts } from '../../test/lab/servers.js';
import { makeCertificates } from '../../test/scanner/detect/certificates.js';
import type { BenchCase, BenchRow } from '../case.js';
import { timedRun } from '../timed-process.js';
import { runPortbot } from '../tools.js';

/** Port -> what runs there, as nmap names it ("ssl/" for a TLS tunnel). */
const TRUTH: ReadonlyMap<number, string> = new Map([
  [2222, 'ssh'],
  [6380, 'redis'],
  [5433, 'postgresql'],
  [8081, 'http'],
  [8444, 'ssl/http'],
]);
const PORTS = [...TRUTH.keys()].join(',');

interface Detected {
  readonly port: number;
  readonly detected?: { readonly name: string; readonly tls?: unknown };
}

/** nmap's XML: <port ... portid="N">...<service name="http" ... tunnel="ssl" .../> */
function nmapNames(xml: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const match of xml.matchAll(/<port protocol="tcp" portid="(\d+)">.*?<service name="([^"]*)"([^>]*)>/g)) {
    const tunnel = /tunnel="ssl"/.test(match[3]!) ? 'ssl/' : '';
    names.set(Number(match[1]), `${tunnel}${match[2]!}`);
  }
  return names;
}

const disagreements = (label: string, names: ReadonlyMap<number, string>): string[] =>
  [...TRUTH].filter(([port, name]) => names.get(port) !== name).map(([port, name]) => `${label} ${port}: ${names.get(port) ?? 'nothing'} (is ${name})`);

export const benchCases: BenchCase[] = [
  {
    name: 'detect-services',
    skipReason: () => labSkipReason() ?? nmapSkipReason() ?? serversSkipReason(),
    async run(context): Promise<BenchRow[]> {
      const lab = await context.lab('pbs', [{ name: 'servers' }]);
      const host = lab.host('servers');
      const dir = mkdtempSync(join(tmpdir(), 'portbot-bench-servers-'));
      const certificates = makeCertificates();
      try {
        startSshd(lab, host, dir, [2222]);
        startRedis(lab, host, dir, 6380);
        startPostgres(lab, host, dir, 5433);
        const python = pythonAvailable();
        if (python) {
          startPythonWebServer(lab, host, dir, 8081);
          startPythonWebServer(lab, host, dir, 8444, certificates.selfSigned);
        } else startWebServers(lab, host, [{ port: 8081 }, { port: 8444, tls: certificates.selfSigned }]);
        waitForPorts(lab, host, [...TRUTH.keys()]);
        const ours: number[] = [];
        const theirs: number[] = [];
        const wrong = new Set<string>();
        let nmapWrong: string[] = [];
        for (let run = 0; run < context.runs; run++) {
          const portbot = await runPortbot(context, lab.scanner, host.address, PORTS, ['--services']);
          ours.push(portbot.ms);
          const ports = portbot.report.hosts[0]?.ports as unknown as Detected[];
          const names = new Map(ports.map((port) => [port.port, port.detected === undefined ? 'nothing' : `${port.detected.tls === undefined ? '' : 'ssl/'}${port.detected.name}`]));
          for (const line of disagreements('portbot', names)) wrong.add(line);
          // nmap -sV takes tens of seconds here: three runs set the scale.
          if (run < 3) {
            const nmap = await timedRun(['nmap', '-sT', '-sV', '-Pn', '-n', `-p${PORTS}`, '-oX', '-', host.address], { namespace: lab.scanner });
            theirs.push(nmap.ms);
            nmapWrong = disagreements('nmap', nmapNames(nmap.stdout));
          }
        }
        const web = python ? 'Python http.server' : 'Node http';
        const note = `${web}; ${[...wrong, ...nmapWrong].join('; ') || 'both named every port right'}`;
        return [{ name: 'service detection, 5 real servers on odd ports (vs nmap -sT -sV)', kind: 'ratio', aim: 0.2, portbot: ours, nmap: theirs, correct: wrong.size === 0, note }];
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(certificates.dir, { recursive: true, force: true });
      }
    },
  },
];
