// Service detection against real servers from Debian's packages in a namespace lab, on their
// usual ports and on others: sshd (also on 443), redis-server with and without a password,
// PostgreSQL with TLS, openssl s_server with a self-signed, an expired and a CA-signed
// certificate, and Node's HTTP and HTTPS servers. The scan runs in the scanning namespace, as
// users run it: scan() with services on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLab, labSkipReason, type Lab } from '../../lab/lab.js';
import { serversSkipReason, startOpensslServer, startPostgres, startRedis, startSshd, startWebServers, waitForPorts } from '../../lab/servers.js';
import type { DetectedService, PortResult, ScanReport } from '../../../src/scanner/types.js';
import { makeCertificates, type TestCertificates } from './certificates.js';

const skip = labSkipReason() ?? serversSkipReason() ?? false;
const child = fileURLToPath(new URL('../fixtures/scan-json-child.js', import.meta.url));

const SSH = [22, 2222, 443];
const REDIS_OPEN = 6379;
const REDIS_PASSWORD = 16379;
const POSTGRES = 5433;
const TLS = { selfSigned: 8443, expired: 4443, expiringSoon: 9443 };
const HTTP = { plain: 8080, odd: 18080, tls: 18443 };
const CLOSED = 9;
const ALL = [...SSH, REDIS_OPEN, REDIS_PASSWORD, POSTGRES, ...Object.values(TLS), ...Object.values(HTTP)];

describe('service detection against real servers in a namespace lab', { skip }, () => {
  let lab: Lab;
  let dir: string;
  let certificates: TestCertificates;
  let detected: Map<number, DetectedService | undefined>;
  let report: ScanReport;

  before(() => {
    lab = createLab({ prefix: 'pbd', hosts: [{ name: 'servers' }] });
    dir = mkdtempSync(join(tmpdir(), 'portbot-servers-'));
    certificates = makeCertificates();
    const host = lab.host('servers');
    startSshd(lab, host, dir, SSH);
    startRedis(lab, host, dir, REDIS_OPEN);
    startRedis(lab, host, dir, REDIS_PASSWORD, { password: 'not-sent-by-portbot' });
    startPostgres(lab, host, dir, POSTGRES, { tls: certificates.expiringSoon });
    startOpensslServer(lab, host, TLS.selfSigned, certificates.selfSigned);
    startOpensslServer(lab, host, TLS.expired, certificates.expired);
    startOpensslServer(lab, host, TLS.expiringSoon, certificates.expiringSoon);
    startWebServers(lab, host, [{ port: HTTP.plain }, { port: HTTP.odd }, { port: HTTP.tls, tls: certificates.selfSigned }]);
    waitForPorts(lab, host, ALL);
    const request = { targets: [{ target: 'web.test', address: host.address }], ports: [...ALL, CLOSED].join(','), services: true };
    report = JSON.parse(lab.exec(lab.scanner, process.execPath, [child, JSON.stringify(request)])) as ScanReport;
    const ports = report.hosts[0]!.ports as unknown as PortResult[];
    detected = new Map(ports.map((port) => [port.port, port.detected]));
  });
  after(() => {
    lab?.destroy();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    if (certificates !== undefined) rmSync(certificates.dir, { recursive: true, force: true });
  });

  test('the host is up, every server port open, and only open ports carry a detected service', () => {
    const host = report.hosts[0]!;
    assert.equal(host.status?.state, 'up');
    assert.ok(['syn-ack', 'conn-refused'].includes(host.status.reason), 'the scan\'s own answers proved it up');
    assert.deepEqual(host.summary, { open: ALL.length, closed: 1 });
    assert.equal(detected.get(CLOSED), undefined);
  });

  test('sshd on 22, 2222 and 443: OpenSSH and its version; on 443 a finding says SSH sits on the HTTPS port', () => {
    for (const port of SSH) {
      const ssh = detected.get(port);
      assert.equal(ssh?.name, 'ssh', `port ${port}`);
      assert.equal(ssh.product, 'OpenSSH');
      assert.match(ssh.version ?? '', /^\d+\.\d+/);
      assert.match(ssh.info ?? '', /^protocol 2\.0/);
    }
    assert.deepEqual(detected.get(22)?.findings, []);
    assert.deepEqual(detected.get(443)?.findings, [{ code: 'unexpected-service', registered: 'https', found: 'ssh' }]);
  });

  test('redis-server: PONG without a password is a finding, with its version; with a password only NOAUTH, and nothing is sent to log in', () => {
    const open = detected.get(REDIS_OPEN);
    assert.deepEqual([open?.name, open?.product], ['redis', 'Redis']);
    assert.match(open?.version ?? '', /^\d+\.\d+/);
    assert.deepEqual(open?.findings, [{ code: 'no-auth', service: 'redis', product: 'Redis' }]);
    assert.deepEqual(detected.get(REDIS_PASSWORD), { name: 'redis', product: 'Redis', info: 'authentication required', findings: [] });
  });

  test('PostgreSQL on a non-default port: named by its SSLRequest answer, then its certificate read through the TLS upgrade', () => {
    const postgres = detected.get(POSTGRES);
    assert.deepEqual([postgres?.name, postgres?.product], ['postgresql', 'PostgreSQL']);
    assert.equal(postgres?.tls?.subject, 'CN=other.test');
    assert.equal(postgres.tls.issuer, 'CN=portbot test CA');
    assert.equal(postgres.tls.selfSigned, false);
    assert.deepEqual(postgres.findings.map((finding) => finding.code), ['cert-expires-soon', 'cert-name-mismatch']);
  });

  test('openssl s_server: HTTP inside TLS, and each certificate judged', () => {
    for (const port of Object.values(TLS)) assert.equal(detected.get(port)?.name, 'http', `port ${port}`);
    const self = detected.get(TLS.selfSigned)!;
    assert.equal(self.tls?.subject, 'CN=web.test');
    assert.deepEqual(self.tls.san, ['DNS:web.test']);
    assert.deepEqual(self.findings.map((finding) => finding.code), ['cert-self-signed']);
    assert.deepEqual(detected.get(TLS.expired)?.findings.map((finding) => finding.code), ['cert-expired', 'cert-self-signed', 'cert-name-mismatch']);
    assert.deepEqual(detected.get(TLS.expiringSoon)?.findings.map((finding) => finding.code), ['cert-expires-soon', 'cert-name-mismatch']);
  });

  test('HTTP on its port, on an odd port and behind TLS: Server header and page title', () => {
    for (const port of Object.values(HTTP)) {
      const http = detected.get(port);
      assert.deepEqual([http?.name, http?.product, http?.version], ['http', 'portbot-lab', '1.0'], `port ${port}`);
      assert.match(http?.info ?? '', /title: portbot lab/);
    }
    assert.equal(detected.get(HTTP.plain)?.tls, undefined);
    assert.equal(detected.get(HTTP.tls)?.tls?.selfSigned, true);
  });
});
