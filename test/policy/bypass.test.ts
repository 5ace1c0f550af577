// Every notation we know for reaching a forbidden host, end to end: the real policy decides, the
// real scanner scans whatever the grant holds, and listeners on the forbidden loopback addresses
// prove no connection reached them. Rows that really mean the allowed host (127.0.0.2) must be
// normalised to it and scanned there, which also proves the listeners would notice a connection.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import { scan } from '../../src/scanner/scan.js';
import { FakeResolver, LoopbackListeners, config, slackUser, tcp } from './helpers.js';

const allowedHost = '127.0.0.2';

/** Targets that must be refused: they are, or lead to, 127.0.0.1, ::1, or an always-denied address. */
const forbidden: readonly string[] = [
  // IPv4 spellings inet_aton accepts
  '127.0.0.1', '127.1', '127.0.1', '0x7f000001', '0X7F000001', '2130706433', '017700000001', '0177.0.0.1',
  '0x7f.0.0.1', '0x7f.0x0.0x0.0x1', '127.0.0.0x1', '127.000.000.001', '0177.0000.0000.0001', '127.0.0.1.',
  // what a browser's host parser folds: fullwidth digits, ideographic full stops
  '１２７.０.０.１', '127。0。0。1', '０x7f.1',
  // whitespace around, and a second forbidden target next to an allowed one
  ' 127.0.0.1 ', '\t127.0.0.1\n', '127.0.0.2,127.0.0.1', '127.0.0.2 127.0.0.1', '127.0.0.2,,localhost',
  // IPv6 loopback and IPv4-mapped / embedded forms
  '::1', '[::1]', '0:0:0:0:0:0:0:1', '::0:1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::FFFF:7F00:1',
  '0:0:0:0:0:ffff:7f00:1', '[::ffff:127.0.0.1]', '::127.0.0.1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '64:ff9b:1::7f00:1',
  '2002:7f00:1::1', '2001:0:7f00:1::1',
  // zone ids, ports, URLs, user@host, escapes
  '::1%lo', 'fe80::1%eth0', '[::1]:80', '127.0.0.1:80', 'http://127.0.0.1:8080/', 'http://127.0.0.2@127.0.0.1/', '//127.0.0.1',
  'user@127.0.0.1', '127.0.0.2@127.0.0.1', '127%2e0.0.1', 'loc%61lhost',
  // text the host parser would cut off or drop: each of these once scanned 127.0.0.2 (or a /8)
  '127.0.0.2#127.0.0.1', '127.0.0.2?127.0.0.1', '127.0.0.2\\127.0.0.1', '127.0.0.2/x/32', '127.0.0.2/32/8', '127.0.0.2/32/0',
  '127.0.0.2\ufe0f', '127.0.0.2\u{e0100}', '127.0.0.2\u034f', '127.0.0.2\u180b', '127.0.0.2\ufeff', '127.0.0.2\u00ad', 'good.test\ufe0f',
  // CIDR blocks that contain a forbidden address
  '127.0.0.1/32', '127.0.0.0/30', '127.0.0.0/31', '[::1]/128', '::1/128', '::ffff:127.0.0.1/128', '127.0.0.1/31',
  // unspecified: connecting to 0.0.0.0 or :: reaches the local host
  '0', '0.0.0.0', '0x0', '00', '::', '[::]', '0.0.0.0/30', '::ffff:0.0.0.0',
  // broadcast, multicast, cloud metadata in every spelling
  '255.255.255.255', '4294967295', '224.0.0.1', 'ff02::1', '169.254.169.254', '0xa9fea9fe', '2852039166',
  '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', 'fd00:ec2::254', 'FD00:EC2:0::254', '100.100.100.200', '169.254.170.2',
  // names: resolved once, every address checked
  'localhost', 'LOCALHOST.', 'twin.test', 'mapped.test', 'odd-answer.test', 'zone-answer.test', 'metadata.test', 'missing.test',
  // not a target at all
  '', ',', '127.0.0.1\u0000', '127.0.0.1\u200b', 'a\u202eb.test', `${'a'.repeat(64)}.test`, `${'a.'.repeat(130)}test`, '1.2.3.4.5',
  'foo.123', '08.0.0.1', 'a..b', '-a.test', '*', '*.test', '127.0.0.1;id', '$(id)', '`id`', '-sV', '--script=x',
];

/** Targets that name the allowed host in another spelling: normalised to 127.0.0.2 and scanned there. */
const normalised: readonly string[] = [
  '127.0.0.2', '127.2', '0x7f000002', '2130706434', '017700000002', '0177.0.0.02', '::ffff:127.0.0.2', '[::ffff:7f00:2]',
  '127.0.0.2.', '１２７.０.０.２', ' 127.0.0.2\t', '127.0.0.2,0x7f000002', 'good.test', 'Good.Test.', 'rebind.test',
];

const answers = {
  localhost: [['127.0.0.1', '::1']],
  'twin.test': [[allowedHost, '127.0.0.1']],
  'mapped.test': [['::ffff:127.0.0.1']],
  'odd-answer.test': [['0x7f000001']],
  'zone-answer.test': [['fe80::1%lo']],
  'metadata.test': [['169.254.169.254']],
  'good.test': [[allowedHost]],
  // DNS rebinding: the first answer is allowed, every later one is not.
  'rebind.test': [[allowedHost], ['127.0.0.1'], ['::1']],
};

const setups = [
  { name: 'allowlist holds only 127.0.0.2', env: { PORTBOT_ALLOWLIST: allowedHost } },
  { name: 'allowlist holds loopback, denylist holds 127.0.0.1 and ::1', env: { PORTBOT_ALLOWLIST: '127.0.0.0/8,::1', PORTBOT_DENYLIST: '127.0.0.1,::1' } },
  // Only the built-in denials stand between this allowlist and 0.0.0.0, which the kernel routes to 127.0.0.1.
  { name: 'allowlist holds everything, denylist holds 127.0.0.1 and ::1', env: { PORTBOT_ALLOWLIST: '0.0.0.0/0,::/0', PORTBOT_DENYLIST: '127.0.0.1,::1' } },
];

/** Addresses a wrong grant may be scanned on: the local host only, never anything off this machine. */
const local = (address: string): boolean => address.startsWith('127.') || address === '::1' || address === '0.0.0.0' || address === '::';

for (const setup of setups) {
  describe(`bypass attempts (${setup.name})`, () => {
    let listeners: LoopbackListeners;
    before(async () => {
      listeners = await LoopbackListeners.open(['127.0.0.1', '::1', allowedHost]);
    });
    after(async () => {
      await listeners.close();
    });

    const policyFor = (resolver: FakeResolver) =>
      createScanPolicy(config({ ...setup.env, PORTBOT_SCANS_PER_MINUTE: '100000' }), { loopbackWhenUnconfigured: false, resolver });

    test('every forbidden notation is refused and nothing reaches any listener', async () => {
      const leaked: string[] = [];
      for (const target of forbidden) {
        const resolver = new FakeResolver(answers);
        const decision = await policyFor(resolver).authoriseScan(slackUser(), target, tcp(listeners.port));
        if (decision.ok) {
          // A wrong grant is scanned for real, so the listeners show what it would have reached.
          leaked.push(`${JSON.stringify(target)} -> ${decision.value.addresses.map(({ address }) => address).join(' ')}`);
          const reachable = decision.value.addresses.filter(({ address }) => local(address));
          await scan(reachable, tcp(listeners.port));
          decision.value.release();
        } else {
          assert.match(decision.error.message, /^[^\n]+$/, `one line for ${JSON.stringify(target)}`);
        }
        assert.ok(resolver.calls.every((name) => resolver.calls.indexOf(name) === resolver.calls.lastIndexOf(name)), 'each name resolved once');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual({ leaked, accepted: Object.fromEntries(listeners.accepted) }, { leaked: [], accepted: {} });
    });

    test('spellings of the allowed host are normalised to it and scanned there only', async () => {
      const before = listeners.accepted.get(allowedHost) ?? 0;
      for (const [index, target] of normalised.entries()) {
        const resolver = new FakeResolver(answers);
        const decision = await policyFor(resolver).authoriseScan(slackUser(), target, tcp(listeners.port));
        assert.ok(decision.ok, `${JSON.stringify(target)} was refused: ${decision.ok ? '' : decision.error.message}`);
        assert.deepEqual(decision.value.addresses.map(({ address, family }) => ({ address, family })), [{ address: allowedHost, family: 4 }], JSON.stringify(target));
        const report = await scan(decision.value.addresses, tcp(listeners.port));
        decision.value.release();
        assert.equal(report.hosts[0]?.ports.at(0)?.state, 'open', JSON.stringify(target));
        await listeners.waitFor(allowedHost, before + index + 1);
      }
      assert.equal(listeners.accepted.get('127.0.0.1'), undefined);
      assert.equal(listeners.accepted.get('::1'), undefined);
    });
  });
}
