// Per-scan sizes, the per-user token bucket (driven by an injected clock) and concurrent slots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Clock } from '../../src/policy/clock.js';
import type { Requester } from '../../src/policy/types.js';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import { FakeResolver, config, slackUser, tcp } from './helpers.js';

class StepClock implements Clock {
  at = 0;
  now(): number {
    return this.at;
  }
}

const codeOf = (decision: { ok: boolean; error?: { code: string } }): string => (decision.ok ? 'allowed' : (decision.error?.code ?? '?'));

test('scans per minute: a burst up to the limit, then one more per 60/limit seconds', async () => {
  const clock = new StepClock();
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_SCANS_PER_MINUTE: '3', PORTBOT_CONCURRENT_SCANS_PER_USER: '100' }), {
    loopbackWhenUnconfigured: false,
    clock,
  });
  const start = async (user = 'U1') => {
    const decision = await policy.authoriseScan(slackUser(user), '10.0.0.5', tcp(22));
    if (decision.ok) decision.value.release();
    return decision;
  };
  assert.deepEqual([codeOf(await start()), codeOf(await start()), codeOf(await start())], ['allowed', 'allowed', 'allowed']);
  const limited = await start();
  assert.equal(codeOf(limited), 'rate-limited');
  assert.match(!limited.ok ? limited.error.message : '', /3 scans in the last minute \(PORTBOT_SCANS_PER_MINUTE\): try again in 20 s/);
  // Someone else has their own bucket.
  assert.equal(codeOf(await start('U2')), 'allowed');
  clock.at = 19_999;
  assert.equal(codeOf(await start()), 'rate-limited');
  clock.at = 20_000;
  assert.equal(codeOf(await start()), 'allowed');
  assert.equal(codeOf(await start()), 'rate-limited');
  // A long pause refills to the burst size, not beyond it.
  clock.at = 10 * 60_000;
  assert.deepEqual([codeOf(await start()), codeOf(await start()), codeOf(await start()), codeOf(await start())], ['allowed', 'allowed', 'allowed', 'rate-limited']);
});

test('the console and the CLI run as the operator: no per-minute limit there, while chat keeps it', async () => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_SCANS_PER_MINUTE: '2' }), { loopbackWhenUnconfigured: false, clock: new StepClock() });
  const codes = async (requester: Requester): Promise<string[]> => {
    const seen: string[] = [];
    for (let scan = 0; scan < 7; scan++) {
      const decision = await policy.authoriseScan(requester, '10.0.0.5', tcp(22));
      if (decision.ok) decision.value.release();
      seen.push(codeOf(decision));
    }
    return seen;
  };
  assert.deepEqual(await codes({ platform: 'console', userId: 'console-user' }), Array(7).fill('allowed'));
  assert.deepEqual(await codes({ platform: 'cli', userId: 'root' }), Array(7).fill('allowed'));
  assert.deepEqual(await codes(slackUser()), ['allowed', 'allowed', ...Array(5).fill('rate-limited')]);
});

test('bad input costs no token', async () => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_SCANS_PER_MINUTE: '1' }), { loopbackWhenUnconfigured: false, clock: new StepClock() });
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), 'http://10.0.0.5/', tcp(22))), 'invalid-target');
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), '10.0.1.5', tcp(22))), 'target-not-allowed');
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), '10.0.0.5', tcp(22))), 'allowed');
});

test('concurrent scans per user: a slot is held until release(), which is idempotent', async () => {
  const resolver = new FakeResolver({ 'web-1.example': [['10.0.0.5']] });
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_CONCURRENT_SCANS_PER_USER: '2', PORTBOT_SCANS_PER_MINUTE: '100' }), {
    loopbackWhenUnconfigured: false,
    resolver,
  });
  const user = slackUser('U1');
  // Two requests racing through DNS at once both count.
  const [first, second] = await Promise.all([policy.authoriseScan(user, 'web-1.example', tcp(22)), policy.authoriseScan(user, 'web-1.example', tcp(22))]);
  assert.ok(first.ok && second.ok);
  const third = await policy.authoriseScan(user, '10.0.0.5', tcp(22));
  assert.equal(codeOf(third), 'too-many-scans');
  assert.match(!third.ok ? third.error.message : '', /already have 2 scans running .*wait for one to finish or cancel it/);
  assert.equal(codeOf(await policy.authoriseScan(slackUser('U2'), '10.0.0.5', tcp(22))), 'allowed');
  first.value.release();
  first.value.release();
  const fourth = await policy.authoriseScan(user, '10.0.0.5', tcp(22));
  assert.ok(fourth.ok);
  // The double release above freed one slot, not two.
  assert.equal(codeOf(await policy.authoriseScan(user, '10.0.0.5', tcp(22))), 'too-many-scans');
  second.value.release();
  fourth.value.release();
});

test('a refusal after the slot was taken gives the slot back', async () => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_CONCURRENT_SCANS_PER_USER: '1', PORTBOT_SCANS_PER_MINUTE: '100' }), {
    loopbackWhenUnconfigured: false,
    resolver: new FakeResolver({ 'bad.example': [['10.9.9.9']] }),
  });
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), 'missing.example', tcp(22))), 'unresolvable-target');
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), 'bad.example', tcp(22))), 'target-not-allowed');
  const decision = await policy.authoriseScan(slackUser(), '10.0.0.5', tcp(22));
  assert.equal(codeOf(decision), 'allowed');
});

test('ports and addresses per scan are limited, and the refusal says how to narrow it', async () => {
  const policy = createScanPolicy(
    config({ PORTBOT_ALLOWLIST: '10.0.0.0/16,fd00::/64', PORTBOT_MAX_PORTS_PER_SCAN: '100', PORTBOT_MAX_ADDRESSES_PER_SCAN: '16', PORTBOT_SCANS_PER_MINUTE: '100' }),
    { loopbackWhenUnconfigured: false },
  );
  const ports = Array.from({ length: 101 }, (_, index) => index + 1);
  const tooManyPorts = await policy.authoriseScan(slackUser(), '10.0.0.5', tcp(...ports));
  assert.equal(codeOf(tooManyPorts), 'too-many-ports');
  assert.match(!tooManyPorts.ok ? tooManyPorts.error.message : '', /101 ports; a scan may probe at most 100 \(PORTBOT_MAX_PORTS_PER_SCAN\)/);
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), '10.0.0.5', [])), 'invalid-ports');

  const bigBlock = await policy.authoriseScan(slackUser(), '10.0.0.0/24', tcp(22));
  assert.equal(codeOf(bigBlock), 'too-many-addresses');
  assert.match(!bigBlock.ok ? bigBlock.error.message : '', /10\.0\.0\.0\/24 covers 254 addresses; a scan may cover at most 16 addresses/);
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), 'fd00::/64', tcp(22))), 'too-many-addresses');
  assert.equal(codeOf(await policy.authoriseScan(slackUser(), '10.0.0.0/28,10.0.1.1,10.0.1.2,10.0.1.3', tcp(22))), 'too-many-addresses');
  const fits = await policy.authoriseScan(slackUser(), '10.0.0.0/28,10.0.1.1,10.0.1.2', tcp(...ports.slice(0, 100)));
  assert.ok(fits.ok);
  assert.equal(fits.value.addresses.length, 16);
  fits.value.release();
});
