// The TCP prober on loopback with real sockets, through both engines: nmap -sT's states and
// reasons, sorted results, self-connects retried, open ports reset, every socket closed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { serviceName } from '../../src/knowledge/lookup.js';
import type { Connector } from '../../src/scanner/tcp/connector.js';
import { TcpHostScan } from '../../src/scanner/tcp/host-scan.js';
import { createTcpProber } from '../../src/scanner/tcp/index.js';
import { libuvConnector } from '../../src/scanner/tcp/libuv-connector.js';
import { socketConnector } from '../../src/scanner/tcp/socket-connector.js';
import { defaultTcpTiming } from '../../src/scanner/tcp/timing.js';
import type { PortState } from '../../src/scanner/types.js';
import { closedPorts, engines, listen, loopback4, loopback6, openDescriptors, proberPorts, settle } from './helpers.js';

const share = (current: number) => ({ current: () => current });

for (const { engine, skip } of engines) {
  describe(`TCP prober, ${engine} engine`, { skip }, () => {
    test('a listener is open/syn-ack and a port with none is closed/conn-refused, in port order, each reported once', async () => {
      const listeners = await listen(2);
      const closed = await closedPorts(3);
      try {
        const seen: { port: number; state: PortState }[] = [];
        const ports = proberPorts([...closed, ...listeners.ports]);
        const list = await createTcpProber({ engine })(loopback4, ports, { concurrency: share(64), serviceNames: serviceName, onResult: (index, state) => seen.push({ port: ports[index]!, state }) });
        const results = [...list];
        assert.deepEqual(results.map((result) => result.port), ports);
        assert.deepEqual(
          [...seen].sort((a, b) => a.port - b.port),
          results.map(({ port, state }) => ({ port, state })),
          'each port reported once, with its final state',
        );
        for (const result of results) {
          const isOpen = listeners.ports.includes(result.port);
          assert.equal(result.state, isOpen ? 'open' : 'closed', `port ${result.port}`);
          assert.equal(result.reason, isOpen ? 'syn-ack' : 'conn-refused');
          assert.equal(result.protocol, 'tcp');
          assert.equal(result.service, serviceName(result.port, 'tcp'));
          assert.equal(typeof result.rttMs, 'number');
        }
        assert.equal(seen.length, ports.length);
      } finally {
        await listeners.close();
      }
    });

    test('IPv6 loopback is scanned as an address literal', async () => {
      const listeners = await listen(1, '::1');
      try {
        const [closed] = await closedPorts(1, '::1');
        const results = await createTcpProber({ engine })(loopback6, proberPorts([listeners.ports[0]!, closed!]), { concurrency: share(8), onResult: () => undefined });
        assert.deepEqual(new Set(Array.from(results, (result) => result.state)), new Set(['open', 'closed']));
      } finally {
        await listeners.close();
      }
    });

    test('a self-connect (source port == target port) is retried, not reported open', async () => {
      const [port] = await closedPorts(1);
      let selfConnectsMade = 0;
      // First attempt binds the source port to the target port: Linux then connects the socket to itself.
      const localPortFor = (target: number): number | undefined => (selfConnectsMade++ === 0 ? target : undefined);
      const results = await createTcpProber({ engine, connector: { localPortFor } })(loopback4, proberPorts([port!]), { concurrency: share(1), onResult: () => undefined });
      assert.equal(selfConnectsMade, 2, 'one self-connect, then one normal attempt');
      assert.equal(results.at(0)?.state, 'closed');
    });

    test('every socket is closed afterwards, and open ports leave no TIME_WAIT behind (reset, as nmap)', async () => {
      const listeners = await listen(3);
      try {
        const before = openDescriptors();
        const ports = [...listeners.ports, ...(await closedPorts(50))];
        await createTcpProber({ engine })(loopback4, proberPorts(ports), { concurrency: share(16), onResult: () => undefined });
        await settle();
        assert.equal(openDescriptors(), before);
        for (const port of listeners.ports) {
          const waiting = execFileSync('ss', ['-Htan', 'state', 'time-wait', `( sport = :${port} or dport = :${port} )`], { encoding: 'utf8' });
          assert.equal(waiting.trim(), '', `TIME_WAIT left on port ${port}`);
        }
      } finally {
        await listeners.close();
      }
    });

    test('never holds more sockets than the share allows, re-reading it before each probe', async () => {
      const ports = await closedPorts(40);
      const real = engine === 'socket' ? socketConnector : libuvConnector!;
      let inFlight = 0;
      let most = 0;
      // Counts what the real connector has open; every connection is still real.
      const counting: Connector = {
        engine,
        connect(address, family, port, id, done) {
          const started = real.connect(address, family, port, id, (...outcome) => {
            inFlight--;
            done(...outcome);
          });
          if (typeof started !== 'string') most = Math.max(most, ++inFlight);
          return started;
        },
        abort(pending) {
          inFlight--;
          real.abort(pending);
        },
      };
      let reads = 0;
      const options = { concurrency: { current: () => (reads++, 3) }, onResult: () => undefined };
      const results = await new TcpHostScan(loopback4, ports, options, { connector: counting, timing: defaultTcpTiming, socketCeiling: 1000 }).run();
      assert.equal(results.length, 40);
      assert.equal(most, 3);
      assert.ok(reads >= 40, `share read ${reads} times for 40 probes`);
    });
  });
}
