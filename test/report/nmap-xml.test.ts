// portbot's nmap XML as the tools that read nmap's files see it: valid against nmap.dtd (scanner
// relaxed), rendered by nmap.xsl, read back by python3-libnmap and ElementTree. Hand-built
// reports reach what a loopback scan cannot yet produce: hostile names and banners, service
// detection, recorded host status, down and silent hosts, and nmap's folding rule at its edges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCAN_FORMATS, type ScanRunInfo } from '../../src/report/scan-formats.js';
import type { HostReport, PortResult, ScanReport } from '../../src/scanner/types.js';
import { PORTBOT_VERSION } from '../../src/version.js';
import { documentFile, readWithLibnmap, renderWithNmapXsl, xmllintValidate, xmlReadersSkipReason, type ReadScan } from './document-readers.js';
import { host, port, report } from './fixtures.js';

const skip = xmlReadersSkipReason();
const RUN: ScanRunInfo = { command: 'portbot scan web-1 1-1024 --xml', startedAt: Date.UTC(2026, 0, 5, 9, 3, 7) };

const xmlText = (scanned: ScanReport, run: ScanRunInfo = RUN): string => [...SCAN_FORMATS.xml.chunks(scanned, run)].join('');

/** Writes the document, checks it against the DTD and nmap.xsl, and returns what libnmap reads. */
function checked(scanned: ScanReport, run: ScanRunInfo = RUN): ReadScan & { html: string } {
  const file = documentFile(xmlText(scanned, run), 'xml');
  const valid = xmllintValidate(file);
  assert.equal(valid.code, 0, `xmllint --dtdvalid: ${valid.stderr}`);
  assert.equal(valid.stderr, '');
  const html = renderWithNmapXsl(file);
  assert.equal(html.code, 0, `xsltproc nmap.xsl: ${html.stderr}`);
  assert.equal(html.stderr, '');
  return { ...readWithLibnmap(file), html: html.stdout };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const withReason = (result: PortResult, reason: PortResult['reason']): PortResult => ({ ...result, reason });
/** A result carrying what service detection will add (PortResult does not declare it yet). */
const withDetected = (result: PortResult, detected: Record<string, string>): PortResult => Object.assign({}, result, { detected });

test('the document header: portbot named as scanner, the command, start time as ctime, scaninfo per protocol in range syntax', { skip }, () => {
  const scanned = report([host('web-1', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh'), ...range(23, 30).map((n) => port(n, 'closed')), port(53, 'open', 'udp', 'domain')])], 2345);
  const requested = [...range(1, 1024).map((n) => ({ port: n, protocol: 'tcp' as const })), { port: 53, protocol: 'udp' as const }, { port: 161, protocol: 'udp' as const }];
  const read = checked(scanned, { ...RUN, requested });
  assert.equal(read.scanner, 'portbot');
  assert.equal(read.version, PORTBOT_VERSION);
  assert.equal(read.commandline, RUN.command);
  assert.equal(read.started, Math.floor(RUN.startedAt / 1000));
  assert.equal(read.startstr, read.startCtime, 'startstr is what C ctime() writes for start');
  assert.equal(read.elapsed, 2.35);
  assert.deepEqual(read.scaninfo, [
    { type: 'connect', protocol: 'tcp', numservices: '1024', services: '1-1024' },
    { type: 'udp', protocol: 'udp', numservices: '2', services: '53,161' },
  ]);
  assert.equal(read.finished['exit'], 'success');
  assert.equal(read.consistent, true);
  // Without the requested list, scaninfo says what the report holds.
  const derived = checked(scanned);
  assert.deepEqual(derived.scaninfo.map((info) => info['services']), ['22-30', '53']);
});

test('hostile names and banners reach readers as the same text and never as markup', { skip }, () => {
  const hostile = 'evil"<b>&amp;\'>\t\nname';
  const banner = '<script>alert(1)</script>';
  const detected = withDetected(port(80, 'open', 'tcp', 'http'), { name: 'http', product: banner, version: '1.0 "beta" & co', info: 'ctrl\u0001char' });
  const read = checked(report([host(hostile, '10.0.0.5', [detected, port(81, 'closed', 'tcp', 'x"<y>')])]));
  const [readHost] = read.hosts;
  assert.deepEqual(readHost?.hostnames, [hostile]);
  const http = readHost?.ports.find((item) => item.port === 80);
  assert.equal(http?.banner, `product: ${banner} version: 1.0 "beta" & co extrainfo: ctrl\uFFFDchar`, 'a control character XML cannot hold becomes U+FFFD');
  assert.equal(readHost?.ports.find((item) => item.port === 81)?.service, 'x"<y>');
  assert.ok(!read.html.includes(banner), 'nmap.xsl shows the banner as text, not as a script element');
  assert.ok(read.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('detected services are written as nmap -sV writes them: method probed, product, version, extrainfo', { skip }, () => {
  const ssh = withDetected(port(22, 'open', 'tcp', 'ssh'), { product: 'OpenSSH', version: '9.2p1 Debian 2', info: 'protocol 2.0' });
  const read = checked(report([host('10.0.0.5', '10.0.0.5', [ssh, port(80, 'open', 'tcp', 'http'), withDetected(port(81, 'closed'), { product: 'ignored' })])]));
  const ports = read.hosts[0]!.ports;
  assert.equal(ports[0]?.service, 'ssh', 'the table name stays when detection found no name of its own');
  assert.equal(ports[0]?.banner, 'product: OpenSSH version: 9.2p1 Debian 2 extrainfo: protocol 2.0');
  assert.equal(ports[1]?.banner, '', 'a port without detection keeps the table entry only');
  assert.equal(ports[2]?.banner, '', 'only open ports carry detected services');
});

test('host status: recorded by discovery when present, else an answer proves up, a router unreachable down, silence unknown', { skip }, () => {
  const silent = range(1, 3).map((n) => port(n, 'filtered'));
  const hosts: HostReport[] = [
    host('answered', '10.0.0.1', [...silent, port(4, 'closed')]),
    host('10.0.0.2', '10.0.0.2', range(1, 3).map((n) => withReason(port(n, 'filtered'), 'host-unreach'))),
    host('10.0.0.3', '10.0.0.3', silent),
    { ...host('10.0.0.4', '10.0.0.4', silent), status: { state: 'up', reason: 'echo-reply' } } as HostReport,
    { ...host('10.0.0.5', '10.0.0.5', silent), status: 'down' } as unknown as HostReport,
  ];
  const read = checked(report(hosts));
  assert.deepEqual(
    read.hosts.map((item) => [item.address, item.status, item.statusReason]),
    [
      ['10.0.0.1', 'up', 'conn-refused'],
      ['10.0.0.2', 'down', 'host-unreach'],
      ['10.0.0.3', 'unknown', 'no-response'],
      ['10.0.0.4', 'up', 'echo-reply'],
      ['10.0.0.5', 'down', 'unknown'],
    ],
  );
  assert.deepEqual([read.hostsUp, read.hostsDown, read.hostsTotal], [2, 2, 5]);
  assert.deepEqual(read.hosts.map((item) => item.hostnames), [['answered'], [], [], [], []], 'a name the user typed is a hostname of type user; an address is not');
});

test("nmap's folding rule: a state with more than 25 ports over all protocols is folded, open never is", { skip }, () => {
  const ports = [
    ...range(1, 20).map((n) => port(n, 'closed')),
    ...range(100, 124).map((n) => port(n, 'filtered')),
    ...range(200, 229).map((n) => port(n, 'open')),
    ...range(1, 10).map((n) => withReason(port(n, 'closed', 'udp'), 'port-unreach')),
    ...range(500, 525).map((n) => port(n, 'open|filtered', 'udp')),
  ];
  const read = checked(report([host('10.0.0.5', '10.0.0.5', ports)]));
  const [readHost] = read.hosts;
  assert.deepEqual(readHost?.extraports, [
    {
      state: 'closed',
      count: '30',
      reasons: [
        { reason: 'conn-refused', count: '20', proto: 'tcp', ports: '1-20' },
        { reason: 'port-unreach', count: '10', proto: 'udp', ports: '1-10' },
      ],
    },
    { state: 'open|filtered', count: '26', reasons: [{ reason: 'no-response', count: '26', proto: 'udp', ports: '500-525' }] },
  ]);
  const listed = readHost?.ports ?? [];
  assert.equal(listed.filter((item) => item.state === 'filtered').length, 25, '25 filtered ports are not more than 25: listed');
  assert.equal(listed.filter((item) => item.state === 'open').length, 30, 'open ports are always listed');
  assert.equal(listed.length, 55);
});

test('folded states are ordered most ports first, ties in nmap state order (closed before filtered)', { skip }, () => {
  const ports = [...range(1, 26).map((n) => port(n, 'filtered')), ...range(100, 125).map((n) => withReason(port(n, 'closed'), 'conn-refused'))];
  const read = checked(report([host('10.0.0.5', '10.0.0.5', ports)]));
  assert.deepEqual(read.hosts[0]?.extraports.map((group) => group.state), ['closed', 'filtered']);
  assert.deepEqual(read.hosts[0]?.ports, []);
});

test('a cancelled scan says so where nmap records a failed run: finished exit="error" with the reason', { skip }, () => {
  const read = checked(report([host('10.0.0.5', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh')])], 500, true), { ...RUN, stopReason: 'scan cancelled by SIGINT' });
  assert.equal(read.finished['exit'], 'error');
  assert.equal(read.finished['errormsg'], 'scan cancelled by SIGINT');
  const empty = checked(report([], 3, true));
  assert.equal(empty.finished['errormsg'], 'scan cancelled before it finished');
  assert.equal(empty.hostsTotal, 0);
});

test('IPv6 addresses are addrtype ipv6', { skip }, () => {
  const read = checked(report([host('::1', '::1', [port(22, 'open', 'tcp', 'ssh')])]));
  assert.equal(read.hosts[0]?.ipv6, '::1');
  assert.equal(read.hosts[0]?.address, '::1');
});
