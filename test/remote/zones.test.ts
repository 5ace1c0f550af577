// PORTBOT_ZONES and its router: which targets, as typed, go to which zone's agents; and the
// configuration lines an operator gets for a zone, a Redis URL or a concurrency that cannot work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createZoneRouter } from '../../src/remote/zones.js';

const router = createZoneRouter('dmz=10.1.0.0/16,*.dmz.example.com, db-1.example.com;office=192.168.10.0/24,fd00:10::/32; lab = 10.1.5.0/24');
const zoneOf = (target: string): string | null => {
  const routed = router.zoneFor(target);
  assert.ok(routed.ok, `${target}: ${routed.ok ? '' : routed.error.message}`);
  return routed.value;
};

test('addresses, names and wildcards go to the zone whose rules match them', () => {
  assert.deepEqual(router.zones.map((zone) => zone.name), ['dmz', 'office', 'lab']);
  assert.equal(zoneOf('10.1.2.3'), 'dmz');
  assert.equal(zoneOf('web-1.dmz.example.com'), 'dmz');
  assert.equal(zoneOf('WEB-1.DMZ.Example.com.'), 'dmz', 'names are compared as the allowlist compares them');
  assert.equal(zoneOf('db-1.example.com'), 'dmz');
  assert.equal(zoneOf('192.168.10.77'), 'office');
  assert.equal(zoneOf('fd00:10::5'), 'office');
  assert.equal(zoneOf('[fd00:10::5]'), 'office');
  assert.equal(zoneOf('::ffff:192.168.10.7'), 'office', 'an IPv4-mapped address is the IPv4 address');
});

test('anything outside every zone is scanned here (null)', () => {
  for (const target of ['127.0.0.1', 'dmz.example.com', 'web-1.example.com', '10.2.0.1', 'fd00:11::1', '192.168.11.0/24']) assert.equal(zoneOf(target), null, target);
});

test('the first zone that matches wins, in the order PORTBOT_ZONES lists them', () => {
  assert.equal(zoneOf('10.1.5.9'), 'dmz', 'lab lists 10.1.5.0/24 too, but after dmz');
  assert.deepEqual(createZoneRouter('lab=10.1.5.0/24;dmz=10.1.0.0/16').zoneFor('10.1.5.9'), { ok: true, value: 'lab' });
});

test('a block inside a zone goes there; one that straddles a zone is refused with a line saying how to split it', () => {
  assert.equal(zoneOf('10.1.2.0/28'), 'dmz');
  const straddling = router.zoneFor('10.0.0.0/15');
  assert.ok(!straddling.ok);
  assert.equal(straddling.error.code, 'invalid-target');
  assert.match(straddling.error.message, /10\.0\.0\.0\/15 lies partly in zone dmz \(10\.1\.0\.0\/16\).*separately/);
});

test('a target that cannot be read is the same input problem the policy gives', () => {
  const routed = router.zoneFor('http://web-1.dmz.example.com/');
  assert.ok(!routed.ok);
  assert.match(routed.error.message, /is a URL: give the host alone/);
});

test('no zones configured: every target is scanned here', () => {
  for (const text of [undefined, '', ' ; ']) {
    const empty = createZoneRouter(text);
    assert.deepEqual(empty.zones, []);
    assert.deepEqual(empty.zoneFor('10.1.2.3'), { ok: true, value: null });
  }
});

test('a bad PORTBOT_ZONES stops startup with one line naming the variable and what to write', () => {
  const cases: [string, RegExp][] = [
    ['dmz', /PORTBOT_ZONES: "dmz" has no "=": write each zone as name=rules/],
    ['DMZ Zone=10.0.0.0/8', /zone name "DMZ Zone" is not allowed: use lower-case letters, digits/],
    ['dmz=10.0.0.0/8;dmz=10.2.0.0/16', /zone "dmz" is listed twice/],
    ['dmz=', /zone "dmz" has no rules/],
    ['dmz=10.0.0.0/33', /PORTBOT_ZONES: zone dmz: "10\.0\.0\.0\/33" is not a CIDR block/],
  ];
  for (const [value, expected] of cases) {
    assert.throws(() => loadConfig({ PORTBOT_ZONES: value }), (error: Error) => {
      assert.match(error.message, expected);
      assert.doesNotMatch(error.message, /PORTBOT_ZONES: PORTBOT_ZONES/);
      return true;
    }, value);
  }
});

test('PORTBOT_REDIS_URL must be redis:// or rediss://; PORTBOT_AGENT_CONCURRENCY a positive count', () => {
  assert.equal(loadConfig({ PORTBOT_REDIS_URL: 'rediss://u:p@redis.example.com:6380/1' }).PORTBOT_REDIS_URL, 'rediss://u:p@redis.example.com:6380/1');
  assert.equal(loadConfig({}).PORTBOT_REDIS_URL, undefined);
  assert.equal(loadConfig({}).PORTBOT_AGENT_CONCURRENCY, 2);
  assert.throws(() => loadConfig({ PORTBOT_REDIS_URL: 'http://redis.example.com' }), /PORTBOT_REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
  assert.throws(() => loadConfig({ PORTBOT_AGENT_CONCURRENCY: '0' }), /PORTBOT_AGENT_CONCURRENCY/);
});
