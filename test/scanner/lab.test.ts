// portbot against real filtering, in a namespace lab: it must agree with nmap -sT --reason on
// every port (state and reason), call every port of a silent host filtered, and keep the truth on
// a host that drops 20% of SYNs at random.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLabWithListeners, labSkipReason, type Lab } from '../lab/lab.js';
import { nmapSkipReason, runNmap } from '../lab/nmap.js';
import type { ScanReport } from '../../src/scanner/types.js';
import { engines } from './helpers.js';

const skip = labSkipReason() ?? nmapSkipReason() ?? false;
const scanChild = fileURLToPath(new URL('./fixtures/scan-child.js', import.meta.url));

const reject = (port: number, ...how: string[]): string[] => ['-A', 'INPUT', '-p', 'tcp', '--dport', String(port), '-j', 'REJECT', ...how];
const MIXED_PORTS = '22,80-88,443';

describe('TCP scan in a namespace lab', { skip }, () => {
  let lab: Lab;
  before(async () => {
    lab = await createLabWithListeners({
      prefix: 'pbt',
      hosts: [
        {
          name: 'mixed',
          tcpPorts: [22, 80],
          iptables: [
            ['-A', 'INPUT', '-p', 'tcp', '--dport', '81', '-j', 'DROP'],
            reject(82, '--reject-with', 'icmp-host-unreachable'),
            reject(83, '--reject-with', 'icmp-admin-prohibited'),
            reject(84, '--reject-with', 'tcp-reset'),
            reject(85),
            reject(86, '--reject-with', 'icmp-net-unreachable'),
            reject(87, '--reject-with', 'icmp-host-prohibited'),
            reject(88, '--reject-with', 'icmp-net-prohibited'),
          ],
        },
        { name: 'silent', iptables: [['-A', 'INPUT', '-p', 'tcp', '-j', 'DROP']] },
        {
          name: 'lossy',
          tcpPorts: [22],
          iptables: [['-A', 'INPUT', '-p', 'tcp', '--syn', '-m', 'statistic', '--mode', 'random', '--probability', '0.2', '-j', 'DROP']],
        },
      ],
    });
  });
  after(() => lab?.destroy());

  const portbot = (host: string, ports: string, engine = 'auto', threads = 'auto'): ScanReport =>
    JSON.parse(lab.exec(lab.scanner, process.execPath, [scanChild, lab.host(host).address, ports, engine, threads])) as ScanReport;
  /** Each engine on the calling thread alone, and split with a worker thread (as full-range scans run). */
  const variants = engines.flatMap(({ engine, skip }) => [
    { engine, skip, threads: '0', label: `${engine} engine` },
    { engine, skip, threads: '1', label: `${engine} engine with a worker thread` },
  ]);

  for (const { engine, skip: engineSkip, threads, label } of variants) {
    test(`${label} agrees with nmap -sT --reason on open, closed, DROP and every REJECT kind`, { skip: engineSkip }, () => {
      const nmap = runNmap(lab, lab.scanner, lab.host('mixed').address, ['-sT', '-Pn', '-n', '--reason', '-p', MIXED_PORTS]);
      const ours = portbot('mixed', MIXED_PORTS, engine, threads).hosts[0]!.ports;
      assert.equal(ours.length, 11);
      assert.equal(nmap.ports.size, 11, 'nmap listed every port');
      for (const port of ours) {
        assert.deepEqual({ port: port.port, state: port.state, reason: port.reason }, { port: port.port, ...nmap.ports.get(port.port) });
      }
    });
  }

  test('a host that drops every SYN: every port filtered/no-response, as nmap says', () => {
    const nmap = runNmap(lab, lab.scanner, lab.host('silent').address, ['-sT', '-Pn', '-n', '--reason', '-p', '22,80,443']);
    assert.deepEqual([...nmap.ports.values()].map((port) => `${port.state}/${port.reason}`), Array(3).fill('filtered/no-response'));
    const report = portbot('silent', '1-300');
    assert.deepEqual(report.hosts[0]!.summary, { filtered: 300 });
    assert.ok([...report.hosts[0]!.ports].every((port) => port.reason === 'no-response' && port.rttMs === null));
  });

  for (const { engine, skip: engineSkip, threads, label } of variants) {
    test(`${label} keeps the truth at 20% SYN loss: 1,000 closed ports closed, the listener open`, { skip: engineSkip }, () => {
      const report = portbot('lossy', '1-1000', engine, threads);
      assert.deepEqual(report.hosts[0]!.summary, { open: 1, closed: 999 });
      assert.equal([...report.hosts[0]!.ports].find((port) => port.port === 22)?.state, 'open');
    });
  }
});
