// The threaded TCP scan (a full-range scan's path): on real loopback sockets it must give exactly
// what the single-thread scan gives, stop and close every socket when cancelled, and turn a dead
// worker thread into one PortbotError instead of a hang.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PortbotError } from '../../src/errors.js';
import { serviceName } from '../../src/knowledge/lookup.js';
import { scan } from '../../src/scanner/scan.js';
import { connectorFor } from '../../src/scanner/tcp/engines.js';
import { createTcpProber } from '../../src/scanner/tcp/index.js';
import { threadedTcpScan } from '../../src/scanner/tcp/threaded-scan.js';
import { defaultTcpTiming } from '../../src/scanner/tcp/timing.js';
import type { PortResult } from '../../src/scanner/types.js';
import { probeUdp } from '../../src/scanner/udp/index.js';
import { closedPorts, engines, listen, loopback4, openDescriptors, proberPorts } from './helpers.js';

const share = (current: number) => ({ current: () => current });
const verdicts = (results: readonly PortResult[]) => results.map(({ port, state, reason, service }) => ({ port, state, reason, service }));

// A threaded scan settles only after its threads have exited (their event loops hold descriptors
// of their own), so the count before a test is not inflated by the previous test's threads and
// the count after a test is final when the scan settles: no waiting, no polling.

for (const { engine, skip } of engines) {
  describe(`threaded TCP scan, ${engine} engine`, { skip }, () => {
    for (const threads of [1, 2]) {
      test(`with ${threads} worker thread(s): the same ports, states, reasons and names as one thread, each reported once`, async () => {
        const listeners = await listen(3);
        try {
          const ports = proberPorts([...listeners.ports, ...(await closedPorts(200))]);
          const seen: number[] = [];
          const options = { concurrency: share(64), serviceNames: serviceName, onResult: (index: number) => seen.push(ports[index]!) };
          const threaded = [...(await createTcpProber({ engine, threads })(loopback4, ports, options))];
          const single = [...(await createTcpProber({ engine, threads: 0 })(loopback4, ports, { concurrency: share(64), serviceNames: serviceName, onResult: () => undefined }))];
          assert.deepEqual(verdicts(threaded), verdicts(single));
          assert.deepEqual(threaded.map((result) => result.port), ports);
          assert.deepEqual([...seen].sort((a, b) => a - b), ports);
          for (const result of threaded) {
            assert.equal(result.state, listeners.ports.includes(result.port) ? 'open' : 'closed', `port ${result.port}`);
            assert.equal(result.service, serviceName(result.port, 'tcp'));
            assert.equal(typeof result.rttMs, 'number');
          }
        } finally {
          await listeners.close();
        }
      });
    }
  });
}

describe('threaded TCP scan: cancelling and failing', () => {
  test('cancelled mid-way: resolves with the finished ports only, and every socket of every thread is closed', async () => {
    const before = openDescriptors();
    const stop = new AbortController();
    const all = Array.from({ length: 65535 }, (_, index) => ({ port: index + 1, protocol: 'tcp' as const }));
    const prober = createTcpProber({ threads: 1 });
    const report = await scan([loopback4], all, {
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.done >= 2000) stop.abort();
      },
    }, { tcp: prober, udp: probeUdp });
    assert.equal(report.cancelled, true);
    const ports = Array.from(report.hosts[0]!.ports, (result) => result.port);
    assert.ok(ports.length >= 2000 && ports.length < 65535, `${ports.length} ports finished`);
    assert.deepEqual(ports, [...new Set(ports)].sort((a, b) => a - b));
    assert.equal(openDescriptors(), before);
  });

  const failing = (script: string) => async () => {
    const before = openDescriptors();
    const ports = await closedPorts(50);
    const settings = {
      workers: 1,
      engine: 'auto' as const,
      connector: connectorFor('auto', {}),
      timing: defaultTcpTiming,
      socketCeiling: 1000,
      serviceOf: () => null,
      threadScript: new URL(`./fixtures/${script}`, import.meta.url),
    };
    const scanning = threadedTcpScan(loopback4, ports, { concurrency: share(8), onResult: () => undefined }, settings);
    await assert.rejects(scanning, (error: unknown) => {
      assert.ok(error instanceof PortbotError);
      assert.equal(error.code, 'scanner-thread-failed');
      assert.doesNotMatch(error.message, /\n/);
      return true;
    });
    assert.equal(openDescriptors(), before);
  };
  test('a thread that dies with an error fails the scan with one PortbotError line, no hang', failing('crashing-thread.js'));
  test('a thread that exits without finishing fails the scan too', failing('exiting-thread.js'));
});
