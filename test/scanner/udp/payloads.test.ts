// Each probe payload parsed back field by field, against the specification it was written from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { berLength, berOid } from '../../../src/scanner/udp/payloads/ber.js';
import { dnsProbe, mdnsProbe } from '../../../src/scanner/udp/payloads/dns.js';
import { ikeProbe } from '../../../src/scanner/udp/payloads/ike.js';
import { payloadsFor } from '../../../src/scanner/udp/payloads/index.js';
import { encodeNetbiosName, netbiosProbe } from '../../../src/scanner/udp/payloads/netbios.js';
import { ntpProbe } from '../../../src/scanner/udp/payloads/ntp.js';
import { snmpProbes } from '../../../src/scanner/udp/payloads/snmp.js';
import { ssdpProbe } from '../../../src/scanner/udp/payloads/ssdp.js';
import { tftpProbe } from '../../../src/scanner/udp/payloads/tftp.js';
import { parseDnsQuestion } from './dns-responder.js';
import { answerNtpRequest } from './ntp-responder.js';

test('DNS probe: a standard query for version.bind TXT in class CHAOS', () => {
  const query = dnsProbe();
  assert.equal(query.readUInt16BE(2) & 0x8000, 0, 'QR=0: a query');
  assert.equal((query.readUInt16BE(2) >> 11) & 0xf, 0, 'opcode 0: standard query');
  assert.deepEqual([query.readUInt16BE(6), query.readUInt16BE(8), query.readUInt16BE(10)], [0, 0, 0]);
  const question = parseDnsQuestion(query);
  assert.deepEqual({ name: question.name, type: question.type, qclass: question.qclass }, { name: 'version.bind', type: 16, qclass: 3 });
  assert.equal(question.end, query.length, 'nothing after the question');
});

test('mDNS probe: DNS-SD service enumeration, PTR, class IN with the unicast-response bit', () => {
  const question = parseDnsQuestion(mdnsProbe());
  assert.deepEqual({ name: question.name, type: question.type, qclass: question.qclass }, { name: '_services._dns-sd._udp.local', type: 12, qclass: 0x8001 });
});

test('NTP probe: 48 bytes, version 4, mode 3 (client), with a transmit timestamp a server echoes', () => {
  const now = Date.UTC(2025, 0, 1);
  const request = ntpProbe(now);
  assert.equal(request.length, 48);
  assert.equal(request[0]! >> 6, 0, 'LI 0');
  assert.equal((request[0]! >> 3) & 7, 4, 'version 4');
  assert.equal(request[0]! & 7, 3, 'mode 3');
  assert.equal(request.readUInt32BE(40), now / 1000 + 2_208_988_800, 'seconds since 1900');
  const reply = answerNtpRequest(request)!;
  assert.equal(reply[0]! & 7, 4, 'the test server answers with mode 4');
  assert.deepEqual(reply.subarray(24, 32), request.subarray(40, 48));
});

/** Minimal BER reader: [tag, content] and the offset after it. */
function readTlv(buffer: Buffer, offset: number): { tag: number; content: Buffer; end: number } {
  const tag = buffer[offset]!;
  let length = buffer[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = buffer.readUIntBE(start, count);
    start += count;
  }
  return { tag, content: buffer.subarray(start, start + length), end: start + length };
}

function readSequence(content: Buffer): { tag: number; content: Buffer }[] {
  const items: { tag: number; content: Buffer }[] = [];
  for (let offset = 0; offset < content.length; ) {
    const item = readTlv(content, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

test('SNMP probes: v1 and v2c GetRequest for sysDescr.0 with community public, in BER', () => {
  const versions = snmpProbes().map((message) => {
    const outer = readTlv(message, 0);
    assert.equal(outer.tag, 0x30);
    assert.equal(outer.end, message.length, 'the outer length covers the whole datagram');
    const [version, community, pdu] = readSequence(outer.content);
    assert.equal(community!.tag, 0x04);
    assert.equal(community!.content.toString(), 'public');
    assert.equal(pdu!.tag, 0xa0, 'GetRequest-PDU');
    const [requestId, errorStatus, errorIndex, bindings] = readSequence(pdu!.content);
    assert.equal(requestId!.tag, 0x02);
    assert.deepEqual([errorStatus!.content, errorIndex!.content], [Buffer.from([0]), Buffer.from([0])]);
    const [binding] = readSequence(bindings!.content);
    const [name, value] = readSequence(binding!.content);
    assert.deepEqual(name!.content, Buffer.from([0x2b, 6, 1, 2, 1, 1, 1, 0]), '1.3.6.1.2.1.1.1.0');
    assert.deepEqual([value!.tag, value!.content.length], [0x05, 0], 'NULL value');
    return version!.content[0];
  });
  assert.deepEqual(versions, [0, 1], 'version 0 is v1, version 1 is v2c');
});

test('BER: long-form lengths and multi-byte OID arcs', () => {
  assert.deepEqual(berLength(200), Buffer.from([0x81, 200]));
  assert.deepEqual(berLength(300), Buffer.from([0x82, 1, 44]));
  assert.deepEqual(berOid('1.3.6.1.4.1.311'), Buffer.from([6, 7, 0x2b, 6, 1, 4, 1, 0x82, 0x37]));
});

test('NetBIOS probe: NBSTAT query for the wildcard name "*"', () => {
  const query = netbiosProbe(0x1234);
  assert.equal(query.readUInt16BE(0), 0x1234);
  assert.equal(query.readUInt16BE(2), 0, 'a query, not a broadcast');
  assert.equal(query.readUInt16BE(4), 1);
  assert.equal(query[12], 32, 'encoded names are 32 bytes');
  assert.equal(query.toString('ascii', 13, 45), `CK${'A'.repeat(30)}`, "'*' is 0x2A: C, K; NUL padding: A, A");
  assert.equal(query[45], 0);
  assert.deepEqual([query.readUInt16BE(46), query.readUInt16BE(48)], [0x21, 1]);
  assert.equal(query.length, 50);
  assert.equal(encodeNetbiosName('AB').toString('ascii', 0, 4), 'EBEC');
});

test('SSDP probe: unicast M-SEARCH whose HOST names the device', () => {
  const [head, ...rest] = ssdpProbe('10.0.0.5', 4).toString('ascii').split('\r\n');
  assert.equal(head, 'M-SEARCH * HTTP/1.1');
  assert.ok(rest.includes('HOST: 10.0.0.5:1900'));
  assert.ok(rest.includes('MAN: "ssdp:discover"'));
  assert.deepEqual(rest.slice(-2), ['', ''], 'headers end with an empty line');
  assert.ok(ssdpProbe('fd00::5', 6).toString().includes('HOST: [fd00::5]:1900'));
});

test('IKE probe: ISAKMP main mode with one SA, proposal and transform, lengths consistent', () => {
  const message = ikeProbe(Buffer.alloc(8, 7));
  assert.deepEqual(message.subarray(0, 8), Buffer.alloc(8, 7), 'initiator cookie');
  assert.deepEqual(message.subarray(8, 16), Buffer.alloc(8), 'responder cookie is zero');
  assert.deepEqual([message[16], message[17], message[18], message[19]], [1, 0x10, 2, 0], 'next SA, v1.0, main mode, no flags');
  assert.equal(message.readUInt32BE(24), message.length);
  const saLength = message.readUInt16BE(30);
  assert.equal(28 + saLength, message.length, 'the SA payload fills the rest');
  assert.deepEqual([message.readUInt32BE(32), message.readUInt32BE(36)], [1, 1], 'DOI IPsec, identity-only situation');
  const proposal = 40;
  assert.equal(proposal + message.readUInt16BE(proposal + 2), message.length);
  assert.deepEqual([...message.subarray(proposal + 4, proposal + 8)], [1, 1, 0, 1], 'proposal 1, PROTO_ISAKMP, no SPI, 1 transform');
  const transform = proposal + 8;
  assert.equal(transform + message.readUInt16BE(transform + 2), message.length);
  assert.deepEqual([message[transform + 4], message[transform + 5]], [1, 1], 'transform 1, KEY_IKE');
  assert.equal(message.readUInt16BE(transform + 8), 0x8001, 'first attribute: encryption, TV form');
});

test('TFTP probe: RRQ, file name and mode, each NUL-terminated', () => {
  const request = tftpProbe();
  assert.equal(request.readUInt16BE(0), 1);
  const [file, mode, end] = request.toString('ascii', 2).split('\0');
  assert.ok(file!.length > 0);
  assert.equal(mode, 'octet');
  assert.equal(end, '');
});

test('ports without a known protocol get one empty datagram; SNMP gets v1 and v2c', () => {
  assert.deepEqual(payloadsFor(514, '10.0.0.1', 4), [Buffer.alloc(0)]);
  assert.equal(payloadsFor(161, '10.0.0.1', 4).length, 2);
  assert.ok(payloadsFor(53, '10.0.0.1', 4)[0]!.length > 12);
});
