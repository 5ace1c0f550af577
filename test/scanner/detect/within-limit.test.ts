// Detection decided after the scan by its size (the chat's default), through scan() on loopback
// SSH stand-ins: within the limit every open port is named; above it nothing is probed (not a
// single connection beyond the port scan's) or only the first ones; report.detection says which.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scan } from '../../../src/scanner/scan.js';
import type { DetectionLimit, PortResult, ScanReport } from '../../../src/scanner/types.js';
import { conversation, standIn, standInsOfThisSuite, type StandIn } from './stand-ins.js';

const loopback = [{ target: '127.0.0.1', address: '127.0.0.1', family: 4 as const }];

async function scanWith(servers: readonly StandIn[], limit: DetectionLimit | undefined, extra: { services?: boolean } = {}): Promise<{ report: ScanReport; started: number[] }> {
  const started: number[] = [];
  const ports = servers.map((server) => ({ port: server.port, protocol: 'tcp' as const }));
  const report = await scan(loopback, ports, { ...(limit ? { detectLimit: limit } : {}), ...extra, onDetect: (count) => started.push(count) });
  return { report, started };
}

const named = (report: ScanReport): (string | undefined)[] => [...(report.hosts[0]?.ports ?? [])].map((port: PortResult) => port.detected?.name);

describe('detection within a limit', () => {
  const start = standInsOfThisSuite();
  const ssh = (): Promise<StandIn> => start(standIn(conversation('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n')));

  test('at most the limit: every open port is named, and the report says all were probed', async () => {
    const servers = [await ssh(), await ssh()];
    const { report, started } = await scanWith(servers, { maxPorts: 2, whenMore: 'skip' });
    assert.deepEqual(named(report), ['ssh', 'ssh']);
    assert.deepEqual(report.detection, { openPorts: 2, probed: 2, maxPorts: 2 });
    assert.deepEqual(started, [2], 'onDetect says when detection starts and how many ports it probes');
  });

  test('above the limit with "skip": no port is probed (one connection each, the port scan\'s), and the report says so', async () => {
    const servers = [await ssh(), await ssh(), await ssh()];
    const { report, started } = await scanWith(servers, { maxPorts: 2, whenMore: 'skip' });
    assert.deepEqual(named(report), [undefined, undefined, undefined]);
    assert.deepEqual(report.detection, { openPorts: 3, probed: 0, maxPorts: 2 });
    assert.deepEqual(started, []);
    assert.deepEqual(servers.map((server) => server.accepted), [1, 1, 1]);
  });

  test('above the limit with "first": the first ports in report order are probed, the rest left alone', async () => {
    const servers = [await ssh(), await ssh(), await ssh()].sort((a, b) => a.port - b.port);
    const { report } = await scanWith(servers, { maxPorts: 2, whenMore: 'first' });
    assert.deepEqual(named(report), ['ssh', 'ssh', undefined]);
    assert.deepEqual(report.detection, { openPorts: 3, probed: 2, maxPorts: 2 });
    assert.equal(servers[2]!.accepted, 1, 'the third server saw only the port scan');
  });

  test('`services` (the CLI) probes everything as the scan goes, and ignores the limit', async () => {
    const servers = [await ssh(), await ssh(), await ssh()];
    const { report, started } = await scanWith(servers, { maxPorts: 1, whenMore: 'skip' }, { services: true });
    assert.deepEqual(named(report), ['ssh', 'ssh', 'ssh']);
    assert.equal(report.detection, undefined);
    assert.deepEqual(started, []);
  });

  test('no limit, no detection: the report carries no detection field at all', async () => {
    const { report } = await scanWith([await ssh()], undefined);
    assert.deepEqual(named(report), [undefined]);
    assert.equal('detection' in report, false);
  });
});
