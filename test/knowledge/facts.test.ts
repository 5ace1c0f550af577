// The classic mistakes of study notes and other bots, pinned so portbot never makes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMON_PORTS } from '../../src/knowledge/common.js';
import { portNote, serviceName } from '../../src/knowledge/lookup.js';
import { curatedPorts } from '../../src/knowledge/ports/index.js';
import { databasePorts } from '../../src/knowledge/ports/databases.js';
import { parsePortSpec } from '../../src/request/ports.js';
import { allText, conceptAnswer, portAnswer } from './helpers.js';

test('ping is ICMP echo with no port; port 7 is the separate Echo service', () => {
  const ping = conceptAnswer('ping');
  assert.match(ping.text, /ICMP/);
  assert.match(ping.text, /no port/);
  assert.match(ping.text, /not TCP or UDP port 7/);
  const echo = portAnswer('7');
  assert.equal(echo.service, 'echo');
  assert.match(allText(echo), /not ping/);
});

test('DNS uses TCP and UDP; SSH and HTTP use TCP only', () => {
  assert.deepEqual(portAnswer('53').transports, ['tcp', 'udp']);
  assert.deepEqual(portAnswer('dns').transports, ['tcp', 'udp']);
  assert.deepEqual(portAnswer('22').transports, ['tcp']);
  assert.deepEqual(portAnswer('80').transports, ['tcp']);
  assert.deepEqual(portAnswer('telnet').transports, ['tcp']);
});

test('a UDP port IANA reserves for a TCP-only service is not that service', () => {
  assert.equal(serviceName(22, 'udp'), 'ssh', 'the registry name, as nmap shows it');
  assert.match(portNote(22, 'udp')?.note ?? '', /uses TCP; this UDP port is something else/);
  assert.match(portAnswer('22/udp').security ?? '', /runs over TCP only/);
});

test('HTTPS is TCP, and HTTP/3 (QUIC) adds UDP 443', () => {
  const https = portAnswer('443');
  assert.deepEqual(https.transports, ['tcp', 'udp']);
  assert.match(allText(https), /HTTP\/3 \(QUIC\) runs over UDP 443/);
});

test('there are 65,535 usable ports per protocol; 0 is reserved', () => {
  assert.match(conceptAnswer('what is a port').text, /65,535 usable ports/);
  assert.match(conceptAnswer('port').text, /TCP 53 and UDP 53 are two different ports/);
  const all = parsePortSpec('all');
  assert.ok(all.ok);
  assert.equal(all.value.length, 65535);
  assert.equal(all.value[0]?.port, 1);
  assert.ok(!parsePortSpec('0').ok);
  assert.match(portAnswer('0').summary, /reserved/);
});

test('SMTPS 465 is implicit TLS; 587 is submission with STARTTLS; 25 is server to server', () => {
  const smtps = portAnswer('smtps');
  assert.equal(smtps.port, 465);
  assert.match(allText(smtps), /implicit TLS/);
  assert.match(allText(portAnswer('587')), /STARTTLS/);
  assert.match(allText(portAnswer('25')), /[Ss]erver-to-server/);
});

test('SFTP runs over SSH on 22, not on 115', () => {
  assert.equal(portAnswer('sftp').port, 22);
});

test('the ranges are 0-1023, 1024-49151 and 49152-65535', () => {
  assert.equal(portAnswer('1023').range, 'well-known');
  assert.equal(portAnswer('1024').range, 'registered');
  assert.equal(portAnswer('49151').range, 'registered');
  assert.equal(portAnswer('49152').range, 'dynamic');
  assert.equal(portAnswer('65535').range, 'dynamic');
  const ranges = conceptAnswer('well-known ports').text;
  for (const range of ['0-1023', '1024-49151', '49152-65535']) assert.ok(ranges.includes(range), range);
});

test('the scan states say what the scanner saw', () => {
  assert.match(conceptAnswer('open').text, /SYN-ACK/);
  assert.match(conceptAnswer('closed').text, /reset \(RST\)/);
  const filtered = conceptAnswer('filtered').text;
  assert.match(filtered, /no-response/);
  assert.match(filtered, /ICMP error/);
  const openFiltered = conceptAnswer('open|filtered').text;
  assert.match(openFiltered, /UDP/);
  assert.match(openFiltered, /impossible to tell apart/);
});

test('the classic dangers are flagged', () => {
  const telnet = portAnswer('23');
  assert.ok(telnet.risky);
  assert.match(telnet.security ?? '', /clear text/);
  assert.equal(telnet.saferAlternative, 'SSH on port 22.');
  for (const query of ['3389', '445']) {
    const answer = portAnswer(query);
    assert.ok(answer.risky, query);
    assert.match(answer.security ?? '', /ransomware/, query);
  }
  for (const entry of databasePorts) {
    assert.ok(entry.risky, `${entry.service} is a database`);
    assert.match(entry.security, /never face the internet|password|authentication|login/, entry.service);
  }
  assert.equal(portAnswer('22').risky, false, 'SSH is encrypted; exposure is a hardening matter');
});

test('the common list holds the ports the issue names, on the right transports', () => {
  const has = (port: number, protocol: 'tcp' | 'udp') => COMMON_PORTS.some((probe) => probe.port === port && probe.protocol === protocol);
  for (const port of [22, 23, 25, 53, 80, 443, 465, 587, 3389]) assert.ok(has(port, 'tcp'), `${port}/tcp`);
  // The usual alternates: a default scan that finds 8080 but not 2222 misses a moved SSH.
  for (const port of [2222, 3000, 5000, 8000, 8008, 8080, 8081, 8181, 8443, 8888, 9000, 9443, 10443]) assert.ok(has(port, 'tcp'), `${port}/tcp`);
  for (const port of [53, 67, 68, 69, 123, 137, 161, 162, 500, 514, 1900, 4500, 5353]) assert.ok(has(port, 'udp'), `${port}/udp`);
  for (const [port, protocol] of [[22, 'udp'], [80, 'udp'], [23, 'udp'], [123, 'tcp']] as const) {
    assert.ok(!has(port, protocol), `${port}/${protocol} is not where that service runs`);
  }
  assert.equal(COMMON_PORTS.length, curatedPorts.reduce((sum, entry) => sum + entry.transports.length, 0));
});
