// The detection engine against loopback servers that misbehave or speak just enough protocol:
// caps and deadlines hold, every socket closes, late banners still count, follow-ups ask, TLS
// facts and SNI are right, and no more sockets are used than the share allows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { detectHostPorts, detectPort, type DetectTiming } from '../../../src/scanner/detect/index.js';
import { openDescriptors, settle } from '../helpers.js';
import { makeCertificates, opensslSkipReason, type TestCertificates } from './certificates.js';
import { conversation, endless, silent, standIn, standInsOfThisSuite, tlsStandIn, type StandIn } from './stand-ins.js';

/** Short waits: these servers are on loopback, and a silent one costs the whole deadline. */
const quick: DetectTiming = { bannerMs: 100, replyMs: 600, idleMs: 100, portDeadlineMs: 2500, maxReplyBytes: 4096 };
const at = (port: number, extra: { name?: string; registered?: string | null } = {}) => ({ address: '127.0.0.1', family: 4 as const, port, registered: extra.registered ?? null, ...(extra.name ? { name: extra.name } : {}) });

// eslint-disable-next-line no-control-regex -- looking for exactly those
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202e\u200b]/;

describe('hostile servers', () => {
  const start = standInsOfThisSuite();

  test('endless data: read up to the cap, then the connection is closed; no service is invented', async () => {
    const server = await start(standIn(endless));
    const before = openDescriptors();
    const found = await detectPort(at(server.port), quick);
    assert.equal(found, undefined);
    await server.allClosed();
    await settle();
    assert.equal(openDescriptors(), before);
  });

  test('a server that never answers costs at most the deadline, and every connection it got is closed', async () => {
    const server = await start(standIn(silent));
    assert.equal(await detectPort(at(server.port), quick), undefined);
    await server.allClosed();
    assert.ok(server.accepted >= 1 && server.accepted <= 6, `${server.accepted} connections`);
  });

  test('control characters, invisible text and mentions in a greeting are stored as plain, capped text', async () => {
    const hostile = `220 \u001b[2J\u0007@everyone <@&123> \u202eFTP\u0000 ready ${'A'.repeat(3000)}\r\n`;
    const server = await start(standIn(conversation(Buffer.from(hostile, 'utf8').toString('latin1'))));
    const found = await detectPort(at(server.port), quick);
    assert.equal(found?.name, 'ftp');
    assert.ok(found?.info !== undefined && found.info.length <= 120, found?.info);
    assert.doesNotMatch(found.info, CONTROL);
    assert.match(found.info, /^\[2J @everyone <@&123> FTP ready A+…$/);
  });

  test('nothing a server says is sent back, and no credential is ever sent', async () => {
    const server = await start(standIn(conversation('+OK hello\r\n', [[/^CAPA/, '+OK\r\nUSER\r\n.\r\n']])));
    await detectPort(at(server.port), quick);
    assert.equal(server.received, 'CAPA\r\n');
  });
});

describe('protocol conversations', () => {
  const start = standInsOfThisSuite();

  test('SMTP: the greeting names it, EHLO finds STARTTLS', async () => {
    const server = await start(standIn(conversation('220 mx.test ESMTP Postfix (Debian/GNU)\r\n', [[/^EHLO /, '250-mx.test\r\n250-STARTTLS\r\n250 SMTPUTF8\r\n']])));
    const found = await detectPort(at(server.port), quick);
    assert.deepEqual(found, { name: 'smtp', product: 'Postfix smtpd', info: 'STARTTLS offered', findings: [] });
    assert.equal(server.received, 'EHLO portbot.invalid\r\n');
  });

  test('POP3 without STLS is a cleartext login', async () => {
    const server = await start(standIn(conversation('+OK POP3 ready\r\n', [[/^CAPA/, '+OK\r\nUSER\r\nTOP\r\n.\r\n']])));
    const found = await detectPort(at(server.port), quick);
    assert.deepEqual(found?.findings, [{ code: 'cleartext-login', service: 'pop3' }]);
  });

  test('telnet is a cleartext login', async () => {
    const server = await start(standIn(conversation('\xff\xfd\x18\xff\xfd\x20')));
    assert.deepEqual(await detectPort(at(server.port), quick), { name: 'telnet', findings: [{ code: 'cleartext-login', service: 'telnet' }] });
  });

  test('a greeting that comes after the banner wait still names the service (in the answer to the next probe)', async () => {
    const server = await start(standIn(conversation('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n', [], 300)));
    const found = await detectPort(at(server.port), { ...quick, bannerMs: 50, replyMs: 2000 });
    assert.equal(found?.name, 'ssh');
    assert.match(server.received, /^GET \/ HTTP\/1\.0\r\n\r\n/, 'the HTTP probe went out before the greeting came');
  });

  test('SSH on 443 is named, and flagged as a service on a port registered for another', async () => {
    const server = await start(standIn(conversation('SSH-2.0-OpenSSH_9.2p1\r\n')));
    const found = await detectPort(at(server.port, { registered: 'https' }), quick);
    assert.deepEqual(found?.findings, [{ code: 'unexpected-service', registered: 'https', found: 'ssh' }]);
  });

  test('ports run in parallel, but no more at once than the share allows', async () => {
    // Silent ports each hold their socket until the deadline, so with a share of 2 the third port
    // can only start once one of the first two has used up its whole deadline.
    const deadline = 400;
    const silentServers = await Promise.all(Array.from({ length: 4 }, () => start(standIn(silent))));
    const ports = silentServers.map((server) => ({ port: server.port, protocol: 'tcp' as const, state: 'open' as const, reason: 'syn-ack' as const, service: null, rttMs: 1 }));
    const started = performance.now();
    await detectHostPorts({ target: '127.0.0.1', address: '127.0.0.1' }, ports, { concurrency: { current: () => 2 }, timing: { ...quick, portDeadlineMs: deadline } });
    await Promise.all(silentServers.map((server) => server.allClosed()));
    assert.ok(silentServers.every((server) => server.accepted >= 1), 'every port was probed');
    const firsts = silentServers.map((server) => server.firstAcceptAt - started);
    // Timers never fire early, so this bound holds however loaded the machine is.
    assert.ok(firsts[2]! >= deadline - 1 && firsts[3]! >= deadline - 1, `first connections at ${firsts.map(Math.round).join(', ')} ms`);
  });

  test('cancelling stops at once and closes every socket', async () => {
    const server = await start(standIn(silent));
    const before = openDescriptors();
    const controller = new AbortController();
    const pending = detectPort(at(server.port), { ...quick, portDeadlineMs: 60_000, replyMs: 30_000 }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    assert.equal(await pending, undefined);
    await server.allClosed();
    await settle();
    assert.equal(openDescriptors(), before);
  });
});

describe('TLS', { skip: opensslSkipReason() ?? false }, () => {
  let certificates: TestCertificates;
  const servers: StandIn[] = [];
  const serverNames: (string | false)[] = [];
  before(() => (certificates = makeCertificates()));
  after(() => Promise.all(servers.map((server) => server.close())));

  const https = async (pair: { key: string; cert: string }): Promise<StandIn> => {
    const server = await tlsStandIn({ key: pair.key, cert: pair.cert }, (socket, out) => {
      serverNames.push((socket as unknown as { servername: string | false }).servername);
      socket.once('data', () => {
        out.write('HTTP/1.0 200 OK\r\nServer: portbot-test/1.0\r\n\r\n<title>inside</title>');
        socket.end();
      });
    });
    servers.push(server);
    return server;
  };

  test('HTTP inside TLS is http with tls: version, names, issuer, expiry, self-signed', async () => {
    const server = await https(certificates.selfSigned);
    const found = await detectPort(at(server.port, { name: 'web.test' }), quick);
    assert.equal(found?.name, 'http');
    assert.equal(found.product, 'portbot-test');
    assert.match(found.info ?? '', /title: inside/);
    assert.deepEqual({ ...found.tls, notAfter: undefined }, { version: 'TLSv1.3', subject: 'CN=web.test', san: ['DNS:web.test'], issuer: 'CN=web.test', notAfter: undefined, selfSigned: true });
    assert.deepEqual(found.findings.map((finding) => finding.code), ['cert-self-signed']);
    assert.equal(serverNames.at(-1), 'web.test', 'SNI carries the name the scan was asked for');
  });

  test('an address target sends no SNI', async () => {
    const server = await https(certificates.selfSigned);
    await detectPort(at(server.port), quick);
    assert.equal(serverNames.at(-1), false);
  });

  test('an expired certificate, and one from a CA that expires soon and names another host', async () => {
    const old = await https(certificates.expired);
    const expired = await detectPort(at(old.port), quick);
    assert.deepEqual(expired?.findings.map((finding) => finding.code), ['cert-expired', 'cert-self-signed']);
    const soon = await https(certificates.expiringSoon);
    const found = await detectPort(at(soon.port, { name: 'web.test' }), quick);
    assert.equal(found?.tls?.selfSigned, false);
    assert.equal(found.tls.issuer, 'CN=portbot test CA');
    assert.deepEqual(found.findings, [
      { code: 'cert-expires-soon', notAfter: found.tls.notAfter, daysLeft: 4 },
      { code: 'cert-name-mismatch', name: 'web.test' },
    ]);
  });
});
