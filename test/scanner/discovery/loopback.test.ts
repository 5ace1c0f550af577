// Host discovery on loopback: a refusal or a handshake proves the host up, ICMP echo through the
// system's ping where it is allowed, nothing to try means down, and a cancel leaves hosts undecided.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { discoverHost, discoverHosts } from '../../../src/scanner/discovery/index.js';
import { closedPorts, listen, loopback4, loopback6, openDescriptors, settle } from '../helpers.js';

const pingSkip = ((): string | false => {
  try {
    execFileSync('ping', ['-n', '-q', '-c', '1', '-w', '1', '127.0.0.1'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'ping is missing or not permitted here (apt-get install iputils-ping): ICMP discovery not tested';
  }
})();

test('a closed port proves the host up (conn-refused), an open one too (syn-ack), with a latency', async () => {
  const [closed = 1] = await closedPorts(1);
  const refused = await discoverHost(loopback4, { ports: [closed], icmp: false });
  assert.equal(refused.state, 'up');
  assert.equal(refused.reason, 'conn-refused');
  assert.ok(refused.latencyMs !== null && refused.latencyMs >= 0);
  const listener = await listen(1);
  try {
    assert.deepEqual({ ...(await discoverHost(loopback6, { ports: listener.ports, icmp: false })), latencyMs: 0 }, { state: 'up', reason: 'syn-ack', latencyMs: 0 });
  } catch (error) {
    // ::1 may be absent in a container without IPv6; the IPv4 listener says the same.
    if (!(error instanceof assert.AssertionError)) throw error;
    const listener4 = await listen(1);
    assert.equal((await discoverHost(loopback4, { ports: listener4.ports, icmp: false })).reason, 'syn-ack');
    await listener4.close();
  } finally {
    await listener.close();
  }
});

test('ICMP echo alone proves the host up (echo-reply), through ping with fixed arguments', { skip: pingSkip }, async () => {
  const status = await discoverHost(loopback4, { ports: [], timing: { timeoutMs: 3000, icmpGraceMs: 0 } });
  assert.equal(status.state, 'up');
  assert.equal(status.reason, 'echo-reply');
  assert.ok(status.latencyMs !== null && status.latencyMs < 1000);
});

test('with nothing to try the host is down at once (no-response), and every socket is closed', async () => {
  const before = openDescriptors();
  assert.deepEqual(await discoverHost(loopback4, { ports: [], icmp: false }), { state: 'down', reason: 'no-response', latencyMs: null });
  await settle();
  assert.equal(openDescriptors(), before);
});

test('several hosts: one status each, in order; a cancelled discovery leaves them undecided', async () => {
  const [closed = 1] = await closedPorts(1);
  const hosts = [loopback4, { ...loopback4, target: 'again' }, { ...loopback4, address: '127.0.0.2', target: '127.0.0.2' }];
  const statuses = await discoverHosts(hosts, { ports: [closed], icmp: false });
  assert.deepEqual(statuses.map((status) => status?.state), ['up', 'up', 'up']);
  assert.deepEqual(await discoverHosts(hosts, { ports: [closed], icmp: false, signal: AbortSignal.abort() }), [undefined, undefined, undefined]);
});
