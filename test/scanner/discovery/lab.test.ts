// Host discovery and scan() in namespace labs: a /24 where 49 addresses live and 204 drop every
// packet (each host's state right, only live hosts port-scanned, every open port found), the
// reasons only one kind of answer can give, and a small lab for --all-hosts and a lone silent host.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLabWithListeners, labSkipReason, type Lab } from '../../lab/lab.js';
import { createSubnetLab, type SubnetLab } from '../../lab/subnet-lab.js';
import type { HostReport, PortResult, ScanReport } from '../../../src/scanner/types.js';

const skip = labSkipReason() ?? false;
const child = fileURLToPath(new URL('../fixtures/scan-json-child.js', import.meta.url));

interface Request {
  readonly targets: readonly { target: string; address: string }[];
  readonly ports: string;
  readonly allHosts?: boolean;
}

const scanIn = (lab: Lab, request: Request): ScanReport => JSON.parse(lab.exec(lab.scanner, process.execPath, [child, JSON.stringify(request)])) as ScanReport;
const portsOf = (host: HostReport): PortResult[] => host.ports as unknown as PortResult[];

describe('a /24 with 49 live hosts and 204 that drop everything', { skip }, () => {
  let subnet: SubnetLab;
  let report: ScanReport;
  before(async () => {
    subnet = await createSubnetLab('pbn');
    report = scanIn(subnet.lab, { targets: subnet.addresses.map((address) => ({ target: address, address })), ports: '22,80,443,8080' });
  });
  after(() => subnet?.lab.destroy());

  test('every address has a status, and it is right', () => {
    assert.equal(report.hosts.length, 254);
    for (const host of report.hosts) {
      const live = subnet.live.has(host.address);
      assert.equal(host.status?.state, live ? 'up' : 'down', host.address);
      if (live) assert.ok(host.status.latencyMs !== null && host.status.latencyMs >= 0);
      else assert.deepEqual(host.status, { state: 'down', reason: 'no-response', latencyMs: null });
    }
  });

  test('only live hosts are port-scanned, and every open port is found', () => {
    for (const host of report.hosts) {
      const ports = portsOf(host);
      if (!subnet.live.has(host.address)) {
        assert.deepEqual([ports, host.summary], [[], {}], host.address);
        continue;
      }
      const expected = host.address === subnet.echoOnly ? { filtered: 4 } : host.address === subnet.refuseOnly ? { closed: 4 } : { open: 3, closed: 1 };
      assert.deepEqual(host.summary, expected, host.address);
    }
  });

  test('the reason is the one kind of answer a host could give', () => {
    const reasonOf = (address: string): string | undefined => report.hosts.find((host) => host.address === address)?.status?.reason;
    assert.equal(reasonOf(subnet.echoOnly), 'echo-reply');
    assert.equal(reasonOf(subnet.refuseOnly), 'conn-refused');
    for (const address of subnet.live) assert.ok(['syn-ack', 'conn-refused', 'echo-reply'].includes(reasonOf(address) ?? ''), address);
  });
});

describe('--all-hosts and a lone target', { skip }, () => {
  let lab: Lab;
  before(async () => {
    lab = await createLabWithListeners({
      prefix: 'pbh',
      hosts: [
        { name: 'live', tcpPorts: [22] },
        { name: 'silent', iptables: [['-A', 'INPUT', '-j', 'DROP']] },
      ],
    });
  });
  after(() => lab?.destroy());
  const targets = (...names: string[]) => names.map((name) => ({ target: name, address: lab.host(name).address }));

  test('without it, a silent host among several is reported down and not port-scanned', () => {
    const report = scanIn(lab, { targets: targets('live', 'silent'), ports: '22,23' });
    assert.deepEqual(report.hosts.map((host) => [host.target, host.status?.state, host.summary]), [['live', 'up', { open: 1, closed: 1 }], ['silent', 'down', {}]]);
  });

  test('with it, every host is port-scanned; the silent one is still called down, its ports filtered', () => {
    const report = scanIn(lab, { targets: targets('live', 'silent'), ports: '22,23', allHosts: true });
    assert.deepEqual(report.hosts.map((host) => [host.target, host.status?.state, host.summary]), [['live', 'up', { open: 1, closed: 1 }], ['silent', 'down', { filtered: 2 }]]);
    assert.equal(report.hosts[0]!.status?.latencyMs !== null, true, 'latency from the scan\'s own answers');
  });

  test('a lone target is always scanned, and its status says whether anything answered', () => {
    const silent = scanIn(lab, { targets: targets('silent'), ports: '22' }).hosts[0]!;
    assert.deepEqual([silent.status, silent.summary], [{ state: 'down', reason: 'no-response', latencyMs: null }, { filtered: 1 }]);
    const live = scanIn(lab, { targets: targets('live'), ports: '22' }).hosts[0]!;
    assert.deepEqual([live.status?.state, live.status?.reason], ['up', 'syn-ack']);
  });
});
