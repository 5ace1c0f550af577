// scan(): several hosts, progress, cancel and failure handling, over real loopback sockets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scan, type ProberSet } from '../../src/scanner/scan.js';
import { createTcpProber } from '../../src/scanner/tcp/index.js';
import type { HostProber, ScanProgress } from '../../src/scanner/types.js';
import { closedPorts, listen, loopback4, loopback6, openDescriptors, settle, tcp } from './helpers.js';

const refuseUdp: HostProber = () => Promise.reject(new Error('no UDP in this test'));
const tcpOnly = (prober = createTcpProber()): ProberSet => ({ tcp: prober, udp: refuseUdp });

test('scans every host, reports each port once with a summary, and progress ends at done == total', async () => {
  const listeners = await listen(2);
  try {
    const closed = await closedPorts(10);
    const ports = tcp([...closed, ...listeners.ports]);
    const updates: ScanProgress[] = [];
    const report = await scan([loopback4, { ...loopback4, target: 'again' }], ports, { onProgress: (progress) => updates.push(progress) }, tcpOnly());
    assert.equal(report.cancelled, false);
    assert.equal(report.hosts.length, 2);
    for (const host of report.hosts) {
      assert.equal(host.ports.length, 12);
      assert.deepEqual(host.summary, { open: 2, closed: 10 });
      const scanned = Array.from(host.ports, (port) => port.port);
      assert.deepEqual(scanned, [...scanned].sort((a, b) => a - b));
    }
    assert.deepEqual(updates.at(-1), { done: 24, total: 24, open: 4 });
    assert.ok(updates.every((update, i) => i === 0 || update.done > updates[i - 1]!.done));
    assert.equal(typeof report.durationMs, 'number');
  } finally {
    await listeners.close();
  }
});

test('IPv4 and IPv6 hosts in one scan keep their own addresses', async () => {
  const report = await scan([loopback4, loopback6], tcp(await closedPorts(3)), {}, tcpOnly());
  assert.deepEqual(report.hosts.map((host) => host.address), ['127.0.0.1', '::1']);
});

test('cancel returns what finished with cancelled: true and closes every socket', async () => {
  const before = openDescriptors();
  const controller = new AbortController();
  const all = tcp(Array.from({ length: 65535 }, (_, i) => i + 1));
  let progressAtCancel: ScanProgress | undefined;
  const report = await scan([loopback4], all, {
    signal: controller.signal,
    onProgress: (progress) => {
      progressAtCancel ??= progress;
      controller.abort();
    },
  }, tcpOnly());
  await settle();
  assert.equal(report.cancelled, true);
  const finished = report.hosts[0]?.ports ?? [];
  assert.ok(finished.length >= progressAtCancel!.done && finished.length < 65535, `${finished.length} ports finished`);
  assert.equal(openDescriptors(), before);
});

test('a scan cancelled before it starts probes nothing', async () => {
  const report = await scan([loopback4], tcp([1, 2, 3]), { signal: AbortSignal.abort() }, tcpOnly());
  assert.equal(report.cancelled, true);
  assert.deepEqual(report.hosts, []);
});

test('a failing prober stops the others and the error reaches the caller', async () => {
  const before = openDescriptors();
  const failing: ProberSet = { tcp: createTcpProber(), udp: () => Promise.reject(new Error('UDP broke')) };
  const ports = [...tcp(Array.from({ length: 20000 }, (_, i) => i + 1)), { port: 53, protocol: 'udp' as const }];
  await assert.rejects(scan([loopback4], ports, {}, failing), /UDP broke/);
  await settle();
  assert.equal(openDescriptors(), before);
});

test('the concurrency share is split between hosts scanned at once', async () => {
  const seen: number[] = [];
  const spy: HostProber = (address, ports, options) => {
    seen.push(options.concurrency.current());
    return createTcpProber()(address, ports, options);
  };
  await scan([loopback4, loopback6], tcp(await closedPorts(2)), { concurrency: { current: () => 10 } }, { tcp: spy, udp: refuseUdp });
  assert.ok(seen.every((share) => share <= 10) && seen.some((share) => share === 5), `shares seen: ${seen.join(',')}`);
});

test('several hosts are discovered first: each has a status, and its discovery RTT seeds the prober\'s timeouts', async () => {
  const seeds: (number | undefined)[] = [];
  const spy: HostProber = (address, ports, options) => {
    seeds.push(options.initialRttMs);
    return createTcpProber()(address, ports, options);
  };
  const report = await scan([loopback4, { ...loopback4, address: '127.0.0.2', target: '127.0.0.2' }], tcp(await closedPorts(2)), {}, { tcp: spy, udp: refuseUdp });
  assert.deepEqual(report.hosts.map((host) => host.status?.state), ['up', 'up']);
  assert.ok(seeds.length === 2 && seeds.every((seed) => typeof seed === 'number'), `seeds: ${seeds.join(',')}`);
});

test('a lone host gets its status from the scan\'s own answers: the fastest one', async () => {
  const report = await scan([loopback4], tcp(await closedPorts(3)), {}, tcpOnly());
  const [host] = report.hosts;
  const fastest = Math.min(...Array.from(host!.ports, (port) => port.rttMs ?? Infinity));
  assert.deepEqual(host?.status, { state: 'up', reason: 'conn-refused', latencyMs: fastest });
});

test('with services, open ports carry what answers there; without, nothing is sent to them', async () => {
  const { createServer } = await import('node:net');
  let received = 0;
  const server = createServer((socket) => {
    socket.on('error', () => undefined).on('data', () => received++);
    socket.write('SSH-2.0-OpenSSH_9.2p1\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const plain = await scan([loopback4], tcp([port]), {}, tcpOnly());
    assert.equal(plain.hosts[0]?.ports.at(0)?.detected, undefined);
    const detected = await scan([loopback4], tcp([port]), { services: true }, tcpOnly());
    assert.deepEqual(detected.hosts[0]?.ports.at(0)?.detected, { name: 'ssh', product: 'OpenSSH', version: '9.2p1', info: 'protocol 2.0', findings: [] });
    assert.deepEqual(detected.hosts[0]?.summary, { open: 1 });
    assert.equal(received, 0, 'an SSH greeting needs no question');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a scan of 40 hosts prints no MaxListenersExceededWarning (one abort listener per running job, not per host on one signal)', async () => {
  // Node warns (MaxListenersExceededWarning) once an AbortSignal has more than 10 listeners; every
  // host job used to listen on the scan's one signal, so any scan of 11 or more hosts warned.
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  process.on('warning', onWarning);
  try {
    const hosts = Array.from({ length: 40 }, (_, i) => ({ target: `127.0.0.${i + 1}`, address: `127.0.0.${i + 1}`, family: 4 as const }));
    const controller = new AbortController();
    const report = await scan(hosts, tcp(await closedPorts(3)), { signal: controller.signal }, tcpOnly());
    assert.equal(report.hosts.length, 40);
    await settle(); // warnings are emitted on a later tick
    assert.deepEqual(warnings.map((warning) => warning.name), []);
  } finally {
    process.off('warning', onWarning);
  }
});
