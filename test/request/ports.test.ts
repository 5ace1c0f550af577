import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceName } from '../../src/knowledge/lookup.js';
import { COMMON_PORTS, formatPortList, parsePortSpec, portSpecSchema } from '../../src/request/ports.js';
import type { Protocol } from '../../src/scanner/types.js';

/** Parses and prints back in short form, so a table row shows the whole result at a glance. */
function parsed(text: string, protocol: Protocol = 'tcp'): string {
  const result = parsePortSpec(text, protocol);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return formatPortList(result.value);
}

const valid: [spec: string, expected: string, protocol?: Protocol][] = [
  ['22', '22'],
  ['22,80,443', '22,80,443'],
  [' 22 , 80 ,443 ', '22,80,443'],
  ['22 80\t443', '22,80,443'],
  ['443,80,22', '22,80,443'],
  ['22,22,21-23', '21-23'],
  ['1-1024', '1-1024'],
  ['1 - 1024', '1-1024'],
  ['-1024', '1-1024'],
  ['60000-', '60000-65535'],
  ['65535', '65535'],
  ['7-7', '7'],
  ['all', '1-65535'],
  ['ALL', '1-65535'],
  ['ssh,https', '22,443'],
  ['SSH, HTTPS', '22,443'],
  ['rdp,smb', '445,3389'],
  ['http', '80'],
  ['http-alt', '3000,5000,8000,8008,8080-8081,8181,8888'],
  ['https-alt', '8443,9443,10443'],
  ['ssh-alt', '2222'],
  ['gopher', '70'],
  ['dns', '53'],
  ['ntp', 'U:123'],
  ['T:ntp', '123'],
  ['U:dns', 'U:53'],
  ['U:53', 'U:53'],
  ['u:53,161', 'U:53,161'],
  ['T:22,80,U:53,161', 'T:22,80,U:53,161'],
  ['T: 22, U: 53', 'T:22,U:53'],
  ['U:53,T:22', 'T:22,U:53'],
  ['53/udp,22', 'T:22,U:53'],
  ['53/udp,53/tcp,53', 'T:53,U:53'],
  ['53', 'U:53', 'udp'],
  ['T:22,53', '22,53', 'udp'], // the prefix holds until the next one
  ['U:all', 'U:1-65535'],
];

for (const [spec, expected, protocol] of valid) {
  test(`parsePortSpec(${JSON.stringify(spec)}${protocol === undefined ? '' : `, ${protocol}`})`, () => {
    assert.equal(parsed(spec, protocol), expected);
  });
}

test('common: the curated list on the requested transport; top100, its old name, still means it', () => {
  const tcp = COMMON_PORTS.filter((probe) => probe.protocol === 'tcp');
  const udp = COMMON_PORTS.filter((probe) => probe.protocol === 'udp');
  assert.equal(parsed('common'), formatPortList(tcp));
  assert.equal(parsed('top100'), formatPortList(tcp));
  assert.equal(parsed('common', 'udp'), formatPortList(udp));
  assert.equal(parsed('T:common,U:common'), formatPortList(COMMON_PORTS));
  assert.ok(tcp.length >= 80 && tcp.length <= 120, `about 100 TCP ports, got ${tcp.length}`);
});

test('thorough: about 1,000 TCP ports, holding the common list, every IANA-named well-known port and the usual alternates', () => {
  const thorough = parsePortSpec('thorough');
  assert.ok(thorough.ok);
  const ports = new Set(thorough.value.map((probe) => probe.port));
  assert.ok(ports.size >= 950 && ports.size <= 1050, `about 1,000 ports, got ${ports.size}`);
  assert.ok(thorough.value.every((probe) => probe.protocol === 'tcp'));
  for (const probe of COMMON_PORTS) if (probe.protocol === 'tcp') assert.ok(ports.has(probe.port), `common ${probe.port}`);
  for (let port = 1; port <= 1023; port++) assert.equal(ports.has(port) || serviceName(port, 'tcp') === null, true, `well-known ${port}`);
  for (const port of [81, 2222, 3306, 5432, 5900, 5901, 6379, 8080, 8081, 8443, 8888, 9200, 27017, 50000]) assert.ok(ports.has(port), `${port}`);
  const udp = parsePortSpec('thorough', 'udp');
  assert.ok(udp.ok && udp.value.every((probe) => probe.protocol === 'udp') && udp.value.some((probe) => probe.port === 53));
  assert.equal(parsed('T:thorough,U:53'), `T:${formatPortList(thorough.value)},U:53`);
});

test('the result is sorted tcp before udp, then by port, without duplicates', () => {
  const result = parsePortSpec('U:161,53,T:443,22,U:53,T:22');
  assert.ok(result.ok);
  assert.deepEqual(result.value, [
    { port: 22, protocol: 'tcp' },
    { port: 443, protocol: 'tcp' },
    { port: 53, protocol: 'udp' },
    { port: 161, protocol: 'udp' },
  ]);
});

const invalid: [spec: string, message: RegExp][] = [
  ['1024-1', /range "1024-1" runs backwards: write the lower port first, e\.g\. 1-1024/],
  ['0', /port 0 is out of range: ports run from 1 to 65535 \(0 is reserved\)/],
  ['65536', /port 65536 is out of range: ports run from 1 to 65535/],
  ['1-70000', /port 70000 is out of range/],
  ['9'.repeat(40), /port 9{40} is out of range/],
  ['sshh', /unknown service "sshh" in the port list\. Did you mean "ssh"\?/],
  ['ssh,htps', /unknown service "htps".*Did you mean "https"\?/],
  ['remotedesktop', /unknown service "remotedesktop"/],
  ['22;80', /"22;80" is not a port, range or service name, e\.g\. 22,80,443/],
  ['1.5', /"1\.5" is not a port/],
  ['12a', /"12a" is not a port/],
  ['!!!', /"!!!" is not a port/],
  ['S:22', /unknown prefix "S:": use T: for TCP or U: for UDP/],
  ['', /empty port list, e\.g\. 22,80,443/],
  ['   ', /empty port list/],
  [' , ,', /the port list names no ports/],
  ['T:', /the port list names no ports/],
  ['22,'.repeat(1000), /port list too long/],
];

for (const [spec, message] of invalid) {
  test(`parsePortSpec(${JSON.stringify(spec.slice(0, 20))}) is invalid-ports`, () => {
    const result = parsePortSpec(spec);
    assert.ok(!result.ok, 'should be refused');
    assert.equal(result.error.kind, 'input');
    assert.equal(result.error.code, 'invalid-ports');
    assert.match(result.error.message, /^Invalid port list: /);
    assert.match(result.error.message, message);
    assert.ok(!result.error.message.includes('\n'), 'one line');
    assert.ok(result.error.message.length < 200, 'short enough to read');
  });
}

test('formatPortList folds runs and reads back through parsePortSpec', () => {
  const probes = [
    { port: 443, protocol: 'tcp' as const },
    ...Array.from({ length: 101 }, (_, offset) => ({ port: 8000 + offset, protocol: 'tcp' as const })),
    { port: 22, protocol: 'tcp' as const },
    { port: 80, protocol: 'tcp' as const },
    { port: 80, protocol: 'tcp' as const },
  ];
  assert.equal(formatPortList(probes), '22,80,443,8000-8100');
  assert.equal(formatPortList([{ port: 53, protocol: 'udp' }]), 'U:53');
  assert.equal(formatPortList([]), '');
  for (const spec of ['22,80,443,8000-8100', 'T:1-3,5,U:7-9', 'U:53']) assert.equal(parsed(spec), spec);
  const common = formatPortList(COMMON_PORTS);
  assert.equal(parsed(common), common);
});

test('portSpecSchema composes into other zod schemas', () => {
  const schema = portSpecSchema('udp');
  assert.deepEqual(schema.parse('53'), [{ port: 53, protocol: 'udp' }]);
  const failure = schema.safeParse('0');
  assert.ok(!failure.success);
  assert.match(failure.error.issues[0]?.message ?? '', /port 0 is out of range/);
});
