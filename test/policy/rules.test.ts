import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PortbotError } from '../../src/errors.js';
import { validateTargetRules } from '../../src/policy/scan-policy.js';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import { FakeResolver, config, slackUser, tcp } from './helpers.js';

const noDns = new FakeResolver({});

test('an unreadable rule stops startup, naming the rule and the variable', () => {
  for (const [variable, rule] of [
    ['PORTBOT_ALLOWLIST', '10.0.0.0/33'],
    ['PORTBOT_ALLOWLIST', '10.1'],
    ['PORTBOT_ALLOWLIST', '0x0a000001'],
    ['PORTBOT_DENYLIST', 'http://web-1/'],
    ['PORTBOT_DENYLIST', 'fe80::1%eth0'],
    ['PORTBOT_ALLOWLIST', '*'],
    // The host parser would have cut these short ("web-1", "10.0.0.5") or dropped the invisible character.
    ['PORTBOT_ALLOWLIST', 'web-1#x'],
    ['PORTBOT_ALLOWLIST', 'web-1?x'],
    ['PORTBOT_DENYLIST', 'db\\x'],
    ['PORTBOT_DENYLIST', 'db/x'],
    ['PORTBOT_ALLOWLIST', '10.0.0.5/32/8'],
  ] as const) {
    assert.throws(
      () => createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', [variable]: rule }), { loopbackWhenUnconfigured: false }),
      (error: unknown) => error instanceof PortbotError && error.code === 'invalid-config' && error.message.includes(variable) && error.message.includes(`"${rule}"`),
      `${variable}=${rule}`,
    );
  }
});

test('a rule with an invisible character is refused at start, the character named as U+XXXX', () => {
  for (const rule of ['web\ufe0f-1.example', 'db\u034f.example', 'x\u{e0100}.example']) {
    const hex = rule.match(/\u034f|\ufe0f|\u{e0100}/u)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    assert.throws(
      () => validateTargetRules(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_DENYLIST: rule })),
      (error: unknown) =>
        error instanceof PortbotError && error.code === 'invalid-config' && error.message.startsWith('PORTBOT_DENYLIST: ') && error.message.includes(`U+${hex}`) && !error.message.includes(rule),
      rule,
    );
  }
});

test('an empty allowlist means no scanning on chat platforms, and says which setting to change', async () => {
  const policy = createScanPolicy(config(), { loopbackWhenUnconfigured: false, resolver: noDns });
  const decision = await policy.authoriseScan(slackUser(), '127.0.0.1', tcp(22));
  assert.equal(decision.ok, false);
  assert.equal(!decision.ok && decision.error.kind === 'refusal' && decision.error.code, 'no-allowlist');
  assert.match(!decision.ok ? decision.error.message : '', /PORTBOT_ALLOWLIST/);
});

test('the console and CLI with no allowlist scan loopback only', async () => {
  const policy = createScanPolicy(config({ PORTBOT_SCANS_PER_MINUTE: '100' }), { loopbackWhenUnconfigured: true, resolver: noDns });
  const console = { platform: 'console', userId: 'local' } as const;
  for (const target of ['127.0.0.1', '127.9.9.9', '::1']) {
    const decision = await policy.authoriseScan(console, target, tcp(22));
    assert.ok(decision.ok, target);
    decision.value.release();
  }
  const outside = await policy.authoriseScan(console, '10.0.0.1', tcp(22));
  assert.equal(outside.ok, false);
  assert.match(!outside.ok ? outside.error.message : '', /not loopback: with no PORTBOT_ALLOWLIST set/);
  // A configured allowlist replaces the loopback default, also in the console.
  const configured = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24' }), { loopbackWhenUnconfigured: true, resolver: noDns });
  assert.equal((await configured.authoriseScan(console, '127.0.0.1', tcp(22))).ok, false);
});

test('deny wins over allow, for addresses, blocks and names', async () => {
  const resolver = new FakeResolver({ 'web-1.lab.example': [['10.0.0.5']], 'db.lab.example': [['10.0.0.6']], 'other.example': [['10.0.0.7']] });
  const policy = createScanPolicy(
    config({ PORTBOT_ALLOWLIST: '10.0.0.0/24,*.lab.example', PORTBOT_DENYLIST: '10.0.0.6,db.lab.example', PORTBOT_SCANS_PER_MINUTE: '100' }),
    { loopbackWhenUnconfigured: false, resolver },
  );
  const refusedCode = async (targets: string) => {
    const decision = await policy.authoriseScan(slackUser(), targets, tcp(22));
    if (decision.ok) decision.value.release();
    return decision.ok ? 'allowed' : decision.error.code;
  };
  assert.equal(await refusedCode('10.0.0.5'), 'allowed');
  assert.equal(await refusedCode('10.0.0.6'), 'target-denied');
  assert.equal(await refusedCode('10.0.0.4/30'), 'target-denied');
  assert.equal(await refusedCode('web-1.lab.example'), 'allowed');
  assert.equal(await refusedCode('DB.Lab.Example.'), 'target-denied');
  // Not on a name rule, but its address is allowed: the check is on the resolved address.
  assert.equal(await refusedCode('other.example'), 'allowed');
  assert.equal(await refusedCode('10.0.0.255'), 'target-denied');
  assert.equal(await refusedCode('10.0.1.1'), 'target-not-allowed');
  assert.deepEqual(resolver.calls.filter((name) => name === 'db.lab.example'), [], 'a denied name is never looked up');
});

test('a host name rule admits the name, but its addresses still meet the denials', async () => {
  const resolver = new FakeResolver({ 'web-1.example.com': [['198.51.100.7']], 'meta.example.com': [['10.0.0.1', '169.254.169.254']], 'x.wild.example': [['fd00::7']] });
  const policy = createScanPolicy(
    config({ PORTBOT_ALLOWLIST: 'web-1.example.com,meta.example.com,*.wild.example', PORTBOT_SCANS_PER_MINUTE: '100' }),
    { loopbackWhenUnconfigured: false, resolver },
  );
  const named = await policy.authoriseScan(slackUser(), 'web-1.example.com', tcp(22));
  assert.ok(named.ok);
  assert.deepEqual(named.value.addresses, [{ target: 'web-1.example.com', address: '198.51.100.7', family: 4 }]);
  named.value.release();
  const wild = await policy.authoriseScan(slackUser(), 'x.wild.example', tcp(22));
  assert.ok(wild.ok);
  wild.value.release();
  const meta = await policy.authoriseScan(slackUser(), 'meta.example.com', tcp(22));
  assert.equal(!meta.ok && meta.error.code, 'target-denied');
  assert.match(!meta.ok ? meta.error.message : '', /meta\.example\.com resolves to 169\.254\.169\.254, which is a cloud metadata address/);
  // The wildcard covers names below it, not the bare domain; its address is not on the list either.
  assert.equal((await policy.authoriseScan(slackUser(), 'wild.example', tcp(22))).ok, false);
  // The literal address behind an allowed name is not itself allowed.
  assert.equal((await policy.authoriseScan(slackUser(), '198.51.100.7', tcp(22))).ok, false);
});

test('several targets, typed with spaces or commas: the scan covers them in the order typed, each address once', async () => {
  const resolver = new FakeResolver({ 'web-1.lab.example': [['10.0.0.9']], 'db.lab.example': [['10.0.0.2']] });
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24,*.lab.example' }), { loopbackWhenUnconfigured: false, resolver });
  const order = async (targets: string): Promise<string[]> => {
    const decision = await policy.authoriseScan(slackUser(), targets, tcp(22));
    assert.ok(decision.ok, targets);
    decision.value.release();
    return decision.value.addresses.map((address) => `${address.target} ${address.address}`);
  };
  // Literal addresses are checked before names are resolved; the answer still follows the typing.
  assert.deepEqual(await order('web-1.lab.example 10.0.0.7 db.lab.example,10.0.0.4/31'), [
    'web-1.lab.example 10.0.0.9',
    '10.0.0.7 10.0.0.7',
    'db.lab.example 10.0.0.2',
    '10.0.0.4 10.0.0.4',
    '10.0.0.5 10.0.0.5',
  ]);
  assert.deepEqual(await order('10.0.0.9 web-1.lab.example'), ['10.0.0.9 10.0.0.9']);
});
