// The bot's router over PORTBOT_ZONES: which requests go to a zone, which run here, and the one
// line for a request that would need two places; a zone's who-may-scan and limits are the bot's
// policy (authoriseZoneScan), with no addresses in the grant. No Redis is touched: the queue
// client is opened only when a zone's job is executed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createScanPolicy } from '../../src/policy/index.js';
import { createZoneRoutes } from '../../src/remote/zone-routes.js';
import { createZoneRouter } from '../../src/remote/zones.js';
import { parsePortSpec } from '../../src/request/ports.js';

const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', PORTBOT_CONCURRENT_SCANS_PER_USER: '1', PORTBOT_MAX_ADDRESSES_PER_SCAN: '16' });
const policy = createScanPolicy(config, { loopbackWhenUnconfigured: false });
const routes = createZoneRoutes({ zones: createZoneRouter('dmz=10.1.0.0/16,*.dmz.example.com;office=192.168.10.0/24'), policy, openClient: () => assert.fail('no job is executed here') });
const request = (targets: string) => ({ targets, ports: '22', udp: false, text: `/scan ${targets} 22` });
const where = (targets: string): string => {
  const route = routes.route(request(targets));
  return route.kind === 'remote' ? route.zone : route.kind === 'invalid' ? route.problem.message : route.kind;
};

test('a request goes to the one zone of all its targets, or runs here when none is in a zone', () => {
  assert.equal(where('web-1.dmz.example.com'), 'dmz');
  assert.equal(where('10.1.2.3, db.dmz.example.com'), 'dmz');
  assert.equal(where('192.168.10.0/28'), 'office');
  assert.equal(where('127.0.0.1,localhost'), 'local');
  assert.equal(routes.route(request('10.1.0.5')), routes.route(request('10.1.0.6')), 'one executor per zone');
});

test('two zones, a zone and here, or a block across a zone edge: one line that says what to do', () => {
  assert.equal(where('10.1.0.5,192.168.10.5'), '10.1.0.5 is in zone dmz and 192.168.10.5 is in zone office: one scan runs in one place, so scan them separately');
  assert.equal(where('web-1.dmz.example.com 127.0.0.1'), 'web-1.dmz.example.com is in zone dmz and 127.0.0.1 is scanned here: one scan runs in one place, so scan them separately');
  assert.match(where('10.0.0.0/15'), /lies partly in zone dmz \(10\.1\.0\.0\/16\) and partly outside it/);
});

test("a zone's grant: the bot's who-may-scan, sizes and slots, and no addresses (the agent resolves and checks)", async () => {
  const route = routes.route(request('web-1.dmz.example.com'));
  assert.ok(route.kind === 'remote');
  const ports = parsePortSpec('22,80');
  assert.ok(ports.ok);
  const requester = { platform: 'slack' as const, userId: 'U1', workspaceId: 'T1' };
  const first = await route.authorise(requester, 'web-1.dmz.example.com', ports.value);
  assert.ok(first.ok);
  assert.deepEqual(first.value.addresses, []);
  const second = await route.authorise(requester, '10.1.0.9', ports.value);
  assert.equal(second.ok ? 'granted' : second.error.code, 'too-many-scans', 'one slot per user, zones included');
  first.value.release();
  const big = await route.authorise(requester, '10.1.0.0/24', ports.value);
  assert.equal(big.ok ? 'granted' : big.error.code, 'too-many-addresses');
});
