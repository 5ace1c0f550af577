// Findings from what detection learnt: codes with data, and a text for each in the knowledge base.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingText } from '../../../src/knowledge/index.js';
import { judge } from '../../../src/scanner/detect/findings.js';
import type { Identified } from '../../../src/scanner/detect/match.js';
import type { Finding, TlsInfo } from '../../../src/scanner/types.js';
import { cleanText } from '../../../src/scanner/detect/sanitize.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const found = (name: string, facts: Record<string, string> = {}, product?: string): Identified => ({ name, product, info: [], facts: new Map(Object.entries(facts)) as Identified['facts'] });
const tls = (notAfter: string, selfSigned = false, version = 'TLSv1.3'): TlsInfo => ({ version, subject: 'CN=web-1', issuer: 'CN=ca', notAfter, selfSigned });
const codes = (findings: Finding[]): string[] => findings.map((finding) => finding.code);
const context = (registered: string | null = null) => ({ registered, now: NOW });

test('certificates: expired, expiring within 14 days, self-signed, name mismatch, old TLS', () => {
  assert.deepEqual(judge(found('http'), tls('2026-05-29T00:00:00.000Z'), context()), [{ code: 'cert-expired', notAfter: '2026-05-29T00:00:00.000Z', daysAgo: 3 }]);
  assert.deepEqual(judge(found('http'), tls('2026-06-11T12:00:00.000Z'), context()), [{ code: 'cert-expires-soon', notAfter: '2026-06-11T12:00:00.000Z', daysLeft: 10 }]);
  assert.deepEqual(judge(found('http'), tls('2026-07-01T00:00:00.000Z'), context()), [], 'a month left is nothing to report');
  assert.deepEqual(codes(judge(found('http'), tls('2027-01-01T00:00:00.000Z', true, 'TLSv1'), { ...context(), mismatchedName: 'web-2' })), ['cert-self-signed', 'cert-name-mismatch', 'tls-old-version']);
});

test('cleartext logins: telnet always, FTP/POP3/IMAP only when they said they offer no STARTTLS', () => {
  assert.deepEqual(judge(found('telnet'), undefined, context()), [{ code: 'cleartext-login', service: 'telnet' }]);
  assert.deepEqual(codes(judge(found('pop3', { starttls: 'no' }), undefined, context())), ['cleartext-login']);
  assert.deepEqual(codes(judge(found('imap', { starttls: 'yes' }), undefined, context())), []);
  assert.deepEqual(codes(judge(found('imap', { starttls: 'no', loginDisabled: 'yes' }), undefined, context())), []);
  assert.deepEqual(codes(judge(found('ftp'), undefined, context())), [], 'no answer to FEAT: not claimed');
  assert.deepEqual(codes(judge(found('ftp', { starttls: 'no' }), tls('2027-01-01T00:00:00.000Z'), context())), [], 'FTP inside TLS is encrypted');
});

test('no authentication, SSH protocol 1, and a service on another service\'s port', () => {
  assert.deepEqual(judge(found('redis', { auth: 'none' }, 'Redis'), undefined, context('redis')), [{ code: 'no-auth', service: 'redis', product: 'Redis' }]);
  assert.deepEqual(judge(found('redis', { auth: 'required' }, 'Redis'), undefined, context('redis')), []);
  assert.deepEqual(judge(found('ssh', { sshProtocol: '1.5' }), undefined, context('ssh')), [{ code: 'ssh-old-protocol', protocolVersion: '1.5' }]);
  assert.deepEqual(judge(found('ssh', { sshProtocol: '1.99' }), undefined, context('ssh')), [], '1.99 speaks version 2 too');
  assert.deepEqual(judge(found('ssh'), undefined, context('https')), [{ code: 'unexpected-service', registered: 'https', found: 'ssh' }]);
  assert.deepEqual(judge(found('http'), tls('2027-01-01T00:00:00.000Z'), context('https')), [], 'HTTP inside TLS on 443 is what 443 is for');
  assert.deepEqual(judge(found('http'), undefined, context('http-alt')), []);
  assert.deepEqual(judge(found('postgresql'), undefined, context('pyrrho')), [], 'an obscure IANA name is never judged');
  assert.deepEqual(judge(found('redis'), undefined, context(null)), []);
});

test('every finding code has a line and a text in the knowledge base', () => {
  const every: Finding[] = [
    { code: 'cert-expired', notAfter: '2026-05-29T00:00:00.000Z', daysAgo: 3 },
    { code: 'cert-expires-soon', notAfter: '2026-06-02T00:00:00.000Z', daysLeft: 1 },
    { code: 'cert-self-signed', subject: 'CN=x' },
    { code: 'cert-name-mismatch', name: 'web-1' },
    { code: 'tls-old-version', version: 'TLSv1' },
    { code: 'cleartext-login', service: 'ftp' },
    { code: 'no-auth', service: 'redis', product: 'Redis' },
    { code: 'ssh-old-protocol', protocolVersion: '1.5' },
    { code: 'unexpected-service', registered: 'https', found: 'ssh' },
  ];
  for (const finding of every) {
    const text = findingText(finding);
    assert.ok(text.line.length > 10 && text.line.length <= 100, text.line);
    assert.ok(text.text.length > 40);
  }
  assert.equal(findingText(every[0]!).line, 'TLS certificate expired 3 days ago (2026-05-29)');
  assert.equal(findingText(every[8]!).line, 'ssh on a port registered for https');
});

test('server text is stored without control or invisible characters, and capped', () => {
  assert.equal(cleanText('a\u0000b\u001b[31mc\u0007\r\nd\u202ee\u200bf'), 'a b [31mc d e f');
  const long = cleanText('x'.repeat(1000));
  assert.equal(long.length, 120);
  assert.ok(long.endsWith('…'));
  assert.equal(cleanText('@everyone <@&123>'), '@everyone <@&123>', 'mentions stay data: escaping is the renderer\'s job');
});
