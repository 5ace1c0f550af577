// The probe table against answers real servers give (recorded from Debian's packages and the
// protocol specifications): each names the right service and fills product, version and facts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFields, matchReply } from '../../../src/scanner/detect/match.js';
import { bannerProbe, LISTEN_ONLY_PORTS, PROBES, probeOrder } from '../../../src/scanner/detect/probes/index.js';
import { httpGet, memcachedVersion, postgresSslRequest, rdpConnectionRequest, redisPing, smbNegotiate } from '../../../src/scanner/detect/probes/requests.js';
import type { BytesProbe } from '../../../src/scanner/detect/probe-types.js';

const banner = (text: string, port = 40000) => matchReply(text, port, bannerProbe.matches);
const answer = (probe: BytesProbe, text: string, port = 40000) => matchReply(text, port, probe.matches);
const fields = (result: ReturnType<typeof banner>) =>
  result && { name: result.identified.name, product: result.identified.product, version: result.identified.version, info: result.identified.info, facts: Object.fromEntries(result.identified.facts) };

test('SSH identification lines: product, version, protocol and comments', () => {
  assert.deepEqual(fields(banner('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n')), {
    name: 'ssh', product: 'OpenSSH', version: '9.2p1', info: ['protocol 2.0', 'Debian-2+deb12u3'], facts: { sshProtocol: '2.0' },
  });
  assert.deepEqual(fields(banner('SSH-2.0-dropbear_2022.83\r\n')), { name: 'ssh', product: 'dropbear', version: '2022.83', info: ['protocol 2.0'], facts: { sshProtocol: '2.0' } });
  assert.equal(fields(banner('SSH-1.5-Cisco-1.25\n'))?.facts['sshProtocol'], '1.5');
  assert.equal(banner('SSH-2.0-OpenSSH_9.2p1'), undefined, 'an identification line ends with CR LF; half of one is not matched yet');
});

test('mail and file transfer greetings, and bare 220s named by their port', () => {
  assert.equal(fields(banner('220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n'))?.product, 'Postfix smtpd');
  assert.deepEqual(fields(banner('220 mx ESMTP Exim 4.96 Mon, 01 Jan 2024\r\n'))?.version, '4.96');
  assert.equal(fields(banner('220 (vsFTPd 3.0.3)\r\n'))?.version, '3.0.3');
  assert.equal(fields(banner('220 ProFTPD Server (Debian) [::ffff:10.0.0.5]\r\n'))?.name, 'ftp');
  assert.equal(fields(banner('220 mail.example.com FTP server ready\r\n'))?.name, 'ftp', 'a mail host\'s FTP server is FTP');
  assert.equal(fields(banner('220 mail.example.com ESMTP ready\r\n'))?.name, 'smtp');
  assert.deepEqual([fields(banner('220-FileZilla Server 1.7.0\r\n'))?.product, fields(banner('220-FileZilla Server 1.7.0\r\n'))?.version], ['FileZilla ftpd', '1.7.0']);
  assert.equal(banner('220 Welcome\r\n', 40000), undefined, 'a bare 220 on an unknown port says nothing');
  assert.equal(fields(banner('220 Welcome\r\n', 21))?.name, 'ftp');
  assert.equal(fields(banner('220 Welcome\r\n', 587))?.name, 'smtp');
  assert.equal(fields(banner('+OK Dovecot (Debian) ready.\r\n'))?.product, 'Dovecot pop3d');
  assert.equal(fields(banner('* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS] Dovecot (Debian) ready.\r\n'))?.product, 'Dovecot imapd');
  assert.equal(fields(banner('* OK IMAP4 server ready\r\n'))?.name, 'imap');
});

test('follow-ups read STARTTLS offers; only an answer without one says "no"', () => {
  const smtp = banner('220 mx ESMTP Postfix\r\n')!;
  applyFields(smtp.identified, smtp.match.followUp!, '250-mx\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n', null);
  assert.deepEqual([smtp.identified.facts.get('starttls'), smtp.identified.info], ['yes', ['STARTTLS offered']]);
  const pop3 = banner('+OK POP3 ready\r\n')!;
  applyFields(pop3.identified, pop3.match.followUp!, '+OK\r\nCAPA\r\nUSER\r\n.\r\n', null);
  assert.equal(pop3.identified.facts.get('starttls'), 'no');
  const imap = banner('* OK ready\r\n')!;
  applyFields(imap.identified, imap.match.followUp!, '* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK\r\n', null);
  assert.deepEqual(Object.fromEntries(imap.identified.facts), { starttls: 'yes', loginDisabled: 'yes' });
  const ftp = banner('220 (vsFTPd 3.0.3)\r\n')!;
  applyFields(ftp.identified, ftp.match.followUp!, '211-Features:\r\n AUTH TLS\r\n PASV\r\n211 End\r\n', null);
  assert.equal(ftp.identified.facts.get('starttls'), 'yes');
});

test('MySQL and MariaDB handshakes, and the refusal packet', () => {
  const greeting = (version: string): string => `${String.fromCharCode(version.length + 40)}\x00\x00\x00\x0a${version}\x00\x08\x00\x00\x00abcdefgh\x00`;
  assert.deepEqual(fields(banner(greeting('8.0.36-0ubuntu0.22.04.1')))?.product, 'MySQL');
  assert.deepEqual(fields(banner(greeting('8.0.36-0ubuntu0.22.04.1')))?.version, '8.0.36');
  const maria = fields(banner(greeting('5.5.5-10.11.6-MariaDB-0+deb12u1')));
  assert.deepEqual([maria?.product, maria?.version], ['MariaDB', '10.11.6']);
  const refused = fields(banner("\x45\x00\x00\x00\xff\x6a\x04Host '10.0.0.9' is not allowed to connect to this MariaDB server"));
  assert.deepEqual([refused?.name, refused?.product], ['mysql', 'MariaDB']);
});

test('telnet negotiation and VNC', () => {
  assert.equal(fields(banner('\xff\xfd\x18\xff\xfd\x20'))?.name, 'telnet');
  assert.deepEqual(fields(banner('RFB 003.008\n'))?.info, ['protocol 003.008']);
});

test('HTTP: status, Server split into product and version, page title; Elasticsearch and Docker are named', () => {
  const page = 'HTTP/1.0 200 OK\r\nServer: Apache/2.4.57 (Debian)\r\nContent-Type: text/html\r\n\r\n<html><head><title>It works</title>';
  assert.deepEqual(fields(answer(httpGet, page)), { name: 'http', product: 'Apache', version: '2.4.57', info: ['200 OK', '(Debian)', 'title: It works'], facts: {} });
  const elastic = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n{ "version" : { "number" : "8.11.3" }, "tagline" : "You Know, for Search" }';
  assert.deepEqual(fields(answer(httpGet, elastic)), { name: 'http', product: 'Elasticsearch', version: '8.11.3', info: ['200 OK'], facts: { auth: 'none' } });
  const docker = 'HTTP/1.1 404 Not Found\r\nApi-Version: 1.43\r\nServer: Docker/24.0.7 (linux)\r\n\r\n{"message":"page not found"}';
  assert.deepEqual([fields(answer(httpGet, docker))?.product, fields(answer(httpGet, docker))?.facts], ['Docker Engine API', { auth: 'none' }]);
  const nginxTls = 'HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n<center>The plain HTTP request was sent to HTTPS port</center>';
  assert.equal(answer(httpGet, nginxTls), undefined, 'plain HTTP refused by a TLS port is left to the TLS probe');
});

test('Redis, PostgreSQL, memcached, SMB2 and RDP answers', () => {
  assert.deepEqual(fields(answer(redisPing, '+PONG\r\n'))?.facts, { auth: 'none' });
  assert.deepEqual(fields(answer(redisPing, '-NOAUTH Authentication required.\r\n'))?.facts, { auth: 'required' });
  assert.equal(fields(answer(redisPing, '-DENIED Redis is running in protected mode because protected mode is enabled\r\n'))?.info[0], 'protected mode');
  const info = answer(redisPing, '+PONG\r\n')!;
  applyFields(info.identified, info.match.followUp!, '$300\r\n# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n', null);
  assert.deepEqual([info.identified.version, info.identified.info], ['7.0.15', ['standalone mode']]);
  assert.equal(answer(postgresSslRequest, 'S')?.match.upgradeToTls, true);
  assert.deepEqual(fields(answer(postgresSslRequest, 'N'))?.info, ['no TLS offered']);
  assert.equal(answer(postgresSslRequest, 'Not Found'), undefined);
  assert.deepEqual(fields(answer(memcachedVersion, 'VERSION 1.6.18\r\n'))?.version, '1.6.18');
  const smb = `\x00\x00\x00\x80\xfeSMB\x40\x00${'\x00'.repeat(58)}\x41\x00\x01\x00\x10\x02`;
  assert.deepEqual([fields(answer(smbNegotiate, smb))?.name, fields(answer(smbNegotiate, smb))?.version], ['microsoft-ds', '2.1']);
  assert.equal(fields(answer(rdpConnectionRequest, '\x03\x00\x00\x13\x0e\xd0\x00\x00\x124\x00\x02\x1f\x08\x00\x02\x00\x00\x00'))?.name, 'ms-wbt-server');
});

test('the SMB2 request is the size its NetBIOS header says', () => {
  const payload = smbNegotiate.payload!;
  assert.equal(payload.length - 4, payload.charCodeAt(3));
  assert.equal(payload.slice(4, 8), '\xfeSMB');
});

test('probe order: a likely probe first and at once; otherwise listen, then the fallbacks; printers only listened to', () => {
  const ids = (port: number): string[] => probeOrder(port).map((probe) => probe.id);
  assert.deepEqual(ids(22), ['banner', 'http-get', 'redis-ping', 'tls', 'postgresql-sslrequest', 'memcached-version']);
  assert.deepEqual(ids(443).slice(0, 2), ['tls', 'banner']);
  assert.deepEqual(ids(6380), ['banner', 'http-get', 'redis-ping', 'tls', 'postgresql-sslrequest', 'memcached-version']);
  assert.deepEqual(ids(445).slice(0, 2), ['smb2-negotiate', 'banner']);
  assert.ok(!ids(40000).includes('smb2-negotiate') && !ids(40000).includes('rdp-x224'), 'binary probes stay on their own ports');
  for (const port of LISTEN_ONLY_PORTS) assert.deepEqual(ids(port), ['banner']);
  assert.equal(new Set(PROBES.map((probe) => probe.id)).size, PROBES.length);
});
