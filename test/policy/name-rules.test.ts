// What a host-name rule may admit, and how a name that does not resolve is answered. The resolver
// here is the Resolver seam with a table behind it; test/policy/resolver-lab.test.ts runs the
// same questions through the OS resolver (/etc/hosts, a DNS server, CNAME chains) and the CLI.
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { test } from 'node:test';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import { FakeResolver, config, slackUser, tcp } from './helpers.js';

/** A non-loopback address of this machine, as os.networkInterfaces() lists it. */
function ownAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((info) => info !== undefined && !info.internal && info.family === 'IPv4')?.address;
}

const own = ownAddress();

const answers = {
  'good.test': [['127.0.0.1']],
  'v6.test': [['::1']],
  'mapped.test': [['::ffff:127.0.0.1']],
  'nat64.test': [['64:ff9b::7f00:1']],
  'link.test': [['169.254.10.10']],
  'link6.test': [['fe80::1']],
  'evil.x.lab.test': [['127.0.0.1']],
  'fine.lab.test': [['10.0.0.5']],
  ...(own === undefined ? {} : { 'own.test': [[own]] }),
};

const decide = async (allowlist: string, target: string) => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: allowlist, PORTBOT_SCANS_PER_MINUTE: '1000' }), { loopbackWhenUnconfigured: false, resolver: new FakeResolver(answers) });
  const decision = await policy.authoriseScan(slackUser(), target, tcp(22));
  if (decision.ok) decision.value.release();
  return decision;
};

test('a host-name rule never admits loopback, link-local or unspecified addresses, in any notation', async () => {
  for (const [name, what] of [
    ['good.test', 'a loopback address'],
    ['v6.test', 'a loopback address'],
    ['mapped.test', 'a loopback address'],
    ['nat64.test', 'a loopback address'],
    ['link.test', 'a link-local address'],
    ['link6.test', 'a link-local address'],
  ] as const) {
    const decision = await decide(name, name);
    assert.equal(!decision.ok && decision.error.code, 'target-not-allowed', name);
    assert.match(!decision.ok ? decision.error.message : '', new RegExp(`^${name.replace('.', '\\.')} resolves to .*${what}.*a host-name rule never admits loopback, link-local or this machine's own addresses; only an address rule in PORTBOT_ALLOWLIST can`), name);
  }
  const wildcard = await decide('*.lab.test', 'evil.x.lab.test');
  assert.equal(!wildcard.ok && wildcard.error.code, 'target-not-allowed');
  assert.ok((await decide('*.lab.test', 'fine.lab.test')).ok, 'the wildcard still admits an ordinary address');
});

test("a host-name rule never admits one of this machine's own addresses", { skip: own === undefined ? 'this machine has no non-loopback IPv4 address' : false }, async () => {
  const decision = await decide('own.test', 'own.test');
  assert.equal(!decision.ok && decision.error.code, 'target-not-allowed');
  assert.match(!decision.ok ? decision.error.message : '', /one of this machine's own addresses/);
  assert.ok((await decide(`own.test,${own}`, 'own.test')).ok, 'an address rule for it does');
});

test('only an address rule can allow loopback behind a name', async () => {
  assert.ok((await decide('good.test,127.0.0.1', 'good.test')).ok);
  assert.ok((await decide('127.0.0.0/8', 'good.test')).ok);
  assert.ok((await decide('::1', 'v6.test')).ok);
});

test('a name that does not resolve is bad input, not a refusal, and is shown as typed', async () => {
  const missing = await decide('10.0.0.0/24', 'web-1');
  assert.equal(!missing.ok && missing.error.kind, 'input');
  assert.equal(!missing.ok && missing.error.code, 'unresolvable-target');
  assert.match(!missing.ok ? missing.error.message : '', /^could not resolve web-1: no such name \(check the spelling, or give the address\)$/);

  const idn = await decide('10.0.0.0/24', 'Bücher.Test.');
  assert.match(!idn.ok ? idn.error.message : '', /^could not resolve Bücher\.Test\.: no such name/);
  assert.doesNotMatch(!idn.ok ? idn.error.message : '', /xn--/);

  // A Cyrillic "о" (U+043E) in an otherwise Latin name.
  const mixed = await decide('10.0.0.0/24', 'l\u043ecalhost');
  assert.equal(!mixed.ok && mixed.error.code, 'unresolvable-target');
  assert.match(
    !mixed.ok ? mixed.error.message : '',
    /^could not resolve l\u043ecalhost: no such name \(check the spelling, or give the address\); careful: "l\u043ecalhost" mixes Latin and Cyrillic letters, so it may not be the name it looks like$/,
  );
  assert.doesNotMatch(!mixed.ok ? mixed.error.message : '', /xn--/);
});

test('a name that resolves to a refused address is named as typed, with the mixed-script warning', async () => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24' }), { loopbackWhenUnconfigured: false, resolver: new FakeResolver({ 'xn--pypal-4ve.test': [['10.9.9.9']] }) });
  const decision = await policy.authoriseScan(slackUser(), 'p\u0430ypal.test', tcp(22));
  assert.equal(!decision.ok && decision.error.code, 'target-not-allowed');
  assert.match(!decision.ok ? decision.error.message : '', /^p\u0430ypal\.test resolves to 10\.9\.9\.9, which is not on the allowlist.*; careful: "p\u0430ypal\.test" mixes Latin and Cyrillic letters/);
});

test('a granted scan of a mixed-script name carries the warning for the answer', async () => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24' }), { loopbackWhenUnconfigured: false, resolver: new FakeResolver({ 'xn--pypal-4ve.test': [['10.0.0.9']] }) });
  const decision = await policy.authoriseScan(slackUser(), 'p\u0430ypal.test', tcp(22));
  assert.ok(decision.ok);
  assert.deepEqual(decision.value.warnings, ['"p\u0430ypal.test" mixes Latin and Cyrillic letters, so it may not be the name it looks like']);
  decision.value.release();
  // One script, with or without accents: no warning.
  const plain = await createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24' }), { loopbackWhenUnconfigured: false, resolver: new FakeResolver({ 'xn--bcher-kva.test': [['10.0.0.9']] }) }).authoriseScan(slackUser(), 'bücher.test', tcp(22));
  assert.ok(plain.ok);
  assert.deepEqual(plain.value.warnings ?? [], []);
  plain.value.release();
});
