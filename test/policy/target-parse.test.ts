import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandBlock, hostCount } from '../../src/policy/cidr.js';
import { canonicalIp } from '../../src/policy/ip-address.js';
import type { ParsedTarget } from '../../src/policy/target-parse.js';
import { parseTarget, parseTargets } from '../../src/policy/target-parse.js';

/** What one item became, in one comparable string. */
function describeTarget(raw: string): string {
  const parsed = parseTarget(raw);
  if (parsed.kind === 'input') return `invalid`;
  if (parsed.kind === 'name') return `name ${parsed.name}`;
  if (parsed.kind === 'block') return `block ${canonicalIp(parsed.address)}/${parsed.prefix}`;
  return `address ${canonicalIp(parsed.ip)}`;
}

test('targets are normalised to the one form the OS would use', () => {
  const table: Record<string, string> = {
    '127.1': 'address 127.0.0.1',
    '0x7f000001': 'address 127.0.0.1',
    '2130706433': 'address 127.0.0.1',
    '017700000001': 'address 127.0.0.1',
    '0177.0.0.01': 'address 127.0.0.1',
    '10.0.258': 'address 10.0.1.2',
    '１２７.０.０.１': 'address 127.0.0.1',
    '::ffff:127.0.0.1': 'address 127.0.0.1',
    '::ffff:7f00:1': 'address 127.0.0.1',
    '[::1]': 'address ::1',
    '0:0:0:0:0:0:0:1': 'address ::1',
    'FD00:EC2:0:0:0:0:0:254': 'address fd00:ec2::254',
    // ipaddr.js alone reads this IPv4-compatible address as IPv4-mapped; the kernel does not.
    '::127.0.0.1': 'address ::7f00:1',
    'Web-1.Example.COM.': 'name web-1.example.com',
    'bücher.example': 'name xn--bcher-kva.example',
    'BÜCHER.example': 'name xn--bcher-kva.example',
    'xn--bcher-kva.example': 'name xn--bcher-kva.example',
    '_sip.example.com': 'name _sip.example.com',
    localhost: 'name localhost',
    '10.0.0.7/24': 'block 10.0.0.7/24',
    '[fd00::]/126': 'block fd00::/126',
    '::ffff:10.0.0.0/120': 'block 10.0.0.0/24',
  };
  assert.deepEqual(Object.fromEntries(Object.keys(table).map((raw) => [raw, describeTarget(raw)])), table);
});

test('anything that could be read two ways is not a target, with a line saying what to write', () => {
  const cases: Record<string, RegExp> = {
    'http://web-1:8080/': /is a URL: give the host alone \(web-1\) and the ports separately/,
    'root@web-1': /user name.*\(web-1\)/,
    'web-1:22': /has a port in it/,
    '[::1]:22': /has a port in it/,
    'fe80::1%eth0': /zone id/,
    'ex%41mple.com': /'%' escape/,
    'a\u0000b': /control or invisible character/,
    'a\u200bb': /control or invisible character/,
    [`${'a'.repeat(300)}`]: /too long/,
    '1.2.3.4.5': /not a host name, address or CIDR block/,
    'foo.123': /not a host name/,
    '08.0.0.1': /not a host name/,
    'a..b': /not a host name/,
    '-a.example': /not a host name/,
    '*.example.com': /not a host name/,
    '10.0.0.0/33': /not a CIDR block/,
    '10.0.0.0/255.255.255.0': /not a CIDR block/,
    'web-1/24': /not a CIDR block/,
    '1::2::3': /not a valid IPv6 address/,
  };
  for (const [raw, message] of Object.entries(cases)) {
    const parsed = parseTarget(raw);
    assert.equal(parsed.kind, 'input', raw);
    if (parsed.kind === 'input') {
      assert.equal(parsed.code, 'invalid-target');
      assert.match(parsed.message, message, raw);
      assert.match(parsed.message, /^[^\n]{1,300}$/, `one short line for ${JSON.stringify(raw)}`);
    }
  }
});

test('a list splits on commas and any whitespace, and an empty one says what to give', () => {
  const parsed = parseTargets(' web-1,\u00a010.0.0.5\t::1 ,');
  assert.ok(parsed.ok);
  assert.deepEqual(
    parsed.value.map((target: ParsedTarget) => target.raw),
    ['web-1', '10.0.0.5', '::1'],
  );
  const empty = parseTargets(' , ');
  assert.equal(empty.ok, false);
  assert.match(!empty.ok ? empty.error.message : '', /no target given/);
});

test('CIDR blocks expand to their hosts: IPv4 without network and broadcast, IPv6 whole', () => {
  const v4 = parseTarget('10.0.0.9/30');
  assert.ok(v4.kind === 'block');
  assert.equal(hostCount(v4.address, v4.prefix), 2n);
  assert.deepEqual(expandBlock(v4.address, v4.prefix).map(canonicalIp), ['10.0.0.9', '10.0.0.10']);
  assert.deepEqual(expandBlock(v4.address, 31).map(canonicalIp), ['10.0.0.8', '10.0.0.9']);
  const v6 = parseTarget('fd00::5/126');
  assert.ok(v6.kind === 'block');
  assert.deepEqual(expandBlock(v6.address, v6.prefix).map(canonicalIp), ['fd00::4', 'fd00::5', 'fd00::6', 'fd00::7']);
  assert.equal(hostCount(v6.address, 64), 2n ** 64n);
});
