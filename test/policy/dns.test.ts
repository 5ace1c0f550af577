// Names are resolved exactly once per request through the Resolver seam; every answer is checked
// and the grant carries the checked literal, so later answers (rebinding) change nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import { FakeResolver, config, slackUser, tcp } from './helpers.js';

const policyWith = (resolver: FakeResolver, env: Record<string, string> = {}) =>
  createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24,fd00::/64', PORTBOT_SCANS_PER_MINUTE: '100', ...env }), { loopbackWhenUnconfigured: false, resolver });

test('a name with one allowed and one forbidden address is refused as a whole, naming it', async () => {
  for (const answer of [['10.0.0.5', '10.9.9.9'], ['10.9.9.9', '10.0.0.5'], ['10.0.0.5', 'fd00::5', '::ffff:169.254.169.254']]) {
    const resolver = new FakeResolver({ 'web-1.example': [answer] });
    const decision = await policyWith(resolver).authoriseScan(slackUser(), '10.0.0.7, web-1.example', tcp(22));
    assert.equal(decision.ok, false, answer.join(' '));
    if (!decision.ok && decision.error.kind === 'refusal') {
      assert.equal(decision.error.target, 'web-1.example');
      assert.match(decision.error.message, /^web-1\.example resolves to (10\.9\.9\.9|169\.254\.169\.254), which /);
    }
  }
});

test('DNS rebinding has no window: one lookup, and the grant holds the checked literal', async () => {
  const resolver = new FakeResolver({ 'rebind.example': [['10.0.0.5'], ['127.0.0.1']] });
  const decision = await policyWith(resolver).authoriseScan(slackUser(), 'rebind.example,REBIND.example.', tcp(22, 80));
  assert.ok(decision.ok);
  assert.deepEqual(resolver.calls, ['rebind.example']);
  assert.deepEqual(decision.value.addresses, [{ target: 'rebind.example', address: '10.0.0.5', family: 4 }]);
  decision.value.release();
  // A second request asks again and meets the new answer, which is refused.
  const again = await policyWith(resolver).authoriseScan(slackUser(), 'rebind.example', tcp(22));
  assert.equal(!again.ok && again.error.code, 'target-not-allowed');
});

test('a name is scanned on its first address; the others are checked and reported, not scanned', async () => {
  const resolver = new FakeResolver({ 'dual.example': [['fd00::5', '10.0.0.5', '::ffff:10.0.0.5', '10.0.0.6']], 'alias.example': [['10.0.0.5']] });
  const decision = await policyWith(resolver).authoriseScan(slackUser(), 'dual.example,alias.example,10.0.0.5', tcp(22));
  assert.ok(decision.ok);
  // In the order typed; 10.0.0.5 is already covered by alias.example.
  assert.deepEqual(decision.value.addresses, [
    { target: 'dual.example', address: 'fd00::5', family: 6 },
    { target: 'alias.example', address: '10.0.0.5', family: 4 },
  ]);
  // 10.0.0.5 is scanned anyway (it was typed), so only 10.0.0.6 is "not scanned".
  assert.deepEqual(decision.value.otherAddresses, [{ target: 'dual.example', address: '10.0.0.6', family: 4 }]);
  decision.value.release();
});

test('names that do not resolve are bad input with the lookup error in words, and odd answers are not trusted', async () => {
  const resolver = new FakeResolver({ 'empty.example': [[]], 'zone.example': [['fe80::1%eth0']] });
  const policy = policyWith(resolver);
  const missing = await policy.authoriseScan(slackUser(), 'missing.example', tcp(22));
  assert.equal(!missing.ok && missing.error.code, 'unresolvable-target');
  assert.match(!missing.ok ? missing.error.message : '', /^could not resolve missing\.example: no such name \(check the spelling, or give the address\)$/);
  const empty = await policy.authoriseScan(slackUser(), 'empty.example', tcp(22));
  assert.equal(!empty.ok && empty.error.code, 'unresolvable-target');
  assert.match(!empty.ok ? empty.error.message : '', /^could not resolve empty\.example: it has no addresses/);
  const zone = await policy.authoriseScan(slackUser(), 'zone.example', tcp(22));
  assert.equal(!zone.ok && zone.error.code, 'target-denied');
  assert.match(!zone.ok ? zone.error.message : '', /^zone\.example resolved to "fe80::1%eth0", which is not an address portbot can check/);
});

test('literal addresses and CIDR blocks never touch the resolver', async () => {
  const resolver = new FakeResolver({});
  const decision = await policyWith(resolver).authoriseScan(slackUser(), '10.0.0.5,10.0.0.8/30,[fd00::1],0x0a000009', tcp(22));
  assert.ok(decision.ok);
  assert.deepEqual(resolver.calls, []);
  assert.deepEqual(decision.value.addresses.map(({ address }) => address), ['10.0.0.5', '10.0.0.9', '10.0.0.10', 'fd00::1']);
  decision.value.release();
});
