// The UDP prober against real sockets on loopback: a DNS server that answers only well-formed
// queries, an NTP server, an echo service, a silent listener and ports with nothing bound.
// Loopback is exempt from ICMP rate limits (lab.test.ts covers those).
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { serviceName } from '../../../src/knowledge/lookup.js';
import type { PortState } from '../../../src/scanner/types.js';
import { probeUdp } from '../../../src/scanner/udp/index.js';
import { startDnsResponder } from './dns-responder.js';
import { startNtpResponder, startSilentListener } from './ntp-responder.js';

// A loopback address of our own, so the well-known ports 53 and 123 are free to bind.
const HOST = '127.83.0.1';
const v4 = { target: HOST, address: HOST, family: 4 as const };
const sockets: Socket[] = [];
const silentPorts = Array.from({ length: 20 }, (_, index) => 47_000 + index);

/** The prober's input: distinct ports, sorted. */
const udp = (...ports: number[]): number[] => [...new Set(ports)].sort((a, b) => a - b);
const share = (current: number) => ({ current: () => current });
const udpHandles = (): number => process.getActiveResourcesInfo().filter((name) => name === 'UDPWrap').length;
/** Sockets connected to HOST right now, as the kernel sees them (closed ones vanish at once). */
const connectedToHost = (): number =>
  readFileSync('/proc/net/udp', 'utf8')
    .split('\n')
    .filter((row) => row.trim().split(/\s+/)[2]?.startsWith('0100537F:') === true).length;
/** A closed socket leaves the active list in the loop's close phase: let one pass. */
const closePhase = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

before(async () => {
  sockets.push(await startDnsResponder(53, HOST), await startNtpResponder(123, HOST), await startSilentListener(514, HOST));
  for (const port of silentPorts) sockets.push(await startSilentListener(port, HOST));
  const echo = createSocket('udp4');
  echo.on('message', (message, remote) => echo.send(message, remote.port, remote.address));
  await new Promise<void>((resolve) => echo.bind(46_999, HOST, resolve));
  sockets.push(echo);
});

after(() => {
  for (const socket of sockets) socket.close();
});

test('DNS and NTP answer their probes, a silent listener is open|filtered, unbound ports are closed', async () => {
  const seen: { port: number; state: PortState }[] = [];
  const ports = udp(514, 123, 53, 46_999, 46_998, 1);
  const results = [...(await probeUdp(v4, ports, { concurrency: share(64), serviceNames: serviceName, onResult: (index, state) => seen.push({ port: ports[index]!, state }) }))];
  const summary = results.map(({ port, state, reason }) => `${port} ${state} ${reason}`);
  assert.deepEqual(summary, [
    '1 closed port-unreach',
    '53 open udp-response',
    '123 open udp-response',
    '514 open|filtered no-response',
    '46998 closed port-unreach',
    '46999 open udp-response',
  ]);
  assert.equal(seen.length, 6, 'onResult once per port');
  assert.deepEqual([...seen].sort((a, b) => a.port - b.port), results.map(({ port, state }) => ({ port, state })), 'each port reported with its final state');
  for (const result of results) {
    assert.equal(result.protocol, 'udp');
    assert.equal(result.service, serviceName(result.port, 'udp'));
    if (result.state === 'open|filtered') assert.equal(result.rttMs, null);
    else assert.ok(typeof result.rttMs === 'number' && result.rttMs >= 0);
  }
});

test('IPv6: answers, silence and port-unreachable on ::1', async () => {
  const echo = createSocket('udp6');
  echo.on('message', (message, remote) => echo.send(message, remote.port, remote.address));
  await new Promise<void>((resolve) => echo.bind(46_997, '::1', resolve));
  const quiet = await startSilentListener(46_996, '::1');
  try {
    const results = await probeUdp({ target: '::1', address: '::1', family: 6 }, udp(46_995, 46_996, 46_997), { concurrency: share(8), onResult: () => undefined });
    assert.deepEqual(Array.from(results, (result) => result.state), ['closed', 'open|filtered', 'open']);
  } finally {
    echo.close();
    quiet.close();
  }
});

test('never holds more sockets than the concurrency share, and closes every one', async () => {
  await closePhase();
  const baseline = udpHandles();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, connectedToHost())), 1);
  const results = await probeUdp(v4, udp(...silentPorts, 2, 3, 4), {
    concurrency: share(3),
    onResult: () => (peak = Math.max(peak, connectedToHost())),
  });
  clearInterval(sampler);
  assert.equal(results.length, silentPorts.length + 3);
  assert.ok(peak >= 1 && peak <= 3, `peak ${peak} sockets with a share of 3`);
  await closePhase();
  assert.equal(udpHandles(), baseline, 'no socket left open');
});

test('cancelling closes every socket at once and resolves with the ports already finished', async () => {
  await closePhase();
  const baseline = udpHandles();
  const controller = new AbortController();
  let inFlight = 0;
  const scan = probeUdp(v4, udp(5, ...silentPorts), {
    signal: controller.signal,
    concurrency: share(64),
    onResult: () => {
      // Port 5 is closed and answers first; the silent ones are still waiting for their deadline.
      inFlight = udpHandles() - baseline;
      controller.abort();
    },
  });
  const results = await scan;
  assert.ok(inFlight > 0, 'sockets were open when the scan was cancelled');
  assert.deepEqual(Array.from(results, (result) => `${result.port} ${result.state}`), ['5 closed']);
  await closePhase();
  assert.equal(udpHandles(), baseline, 'no socket left open');
});

test('an already-cancelled signal sends nothing', async () => {
  const results = await probeUdp(v4, udp(53, 6), { signal: AbortSignal.abort(), concurrency: share(4), onResult: () => assert.fail('no result expected') });
  assert.deepEqual([...results], []);
});
