// Service detection and /ping in the console chat as a newcomer meets them: the real process with
// no tokens, commands piped in, loopback servers with banners (and Debian's redis-server).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closedPort, openPort, type Listener } from '../../commands/loopback.js';
import { runCli } from '../../cli/run-cli.js';
import { startBannerServers, type BannerServers } from '../banner-servers.js';

// eslint-disable-next-line no-control-regex -- looking for exactly those
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let servers: BannerServers;
before(async () => {
  servers = await startBannerServers();
});
after(() => servers.close());

test('a scan of servers with banners shows what answers, their findings with a risk mark, and not one control character', async () => {
  const run = await runCli(['console'], {}, `/scan 127.0.0.1 ${servers.ftp},${servers.ssh},${servers.http},${servers.tls}\n`);
  assert.equal(run.code, 0, run.stderr);
  const out = run.stdout;
  assert.match(out, /^ {2}PORT\s+STATE\s+SERVICE\s+REASON\s+VERSION\s+NOTE$/m);
  assert.match(out, new RegExp(`^ {2}${servers.ftp}/tcp\\s+open\\s+ftp\\s+syn-ack\\s+ProFTPD 1\\.3\\.8$`, 'm'));
  assert.match(out, /^ {6}! FTP login without encryption: passwords cross the network in clear text$/m);
  assert.match(out, new RegExp(`^ {2}${servers.tls}/tcp\\s+open\\s+ssl/http\\s+syn-ack\\s+nginx 1\\.22\\.1`, 'm'));
  assert.match(out, /^ {6}· TLSv1\.\d certificate CN=<!channel> \*bold\* @everyone/m);
  assert.match(out, /^ {6}! Self-signed TLS certificate: no authority vouches for it$/m);
  assert.match(out, /note: Login without encryption: Anyone on the path can read FTP usernames and passwords\./);
  assert.match(out, /note: Self-signed certificate: Clients cannot tell/);
  assert.match(out, new RegExp(`^ {2}${servers.ssh}/tcp\\s+open\\s+ssh\\s+syn-ack\\s+Evil`, 'm'));
  assert.doesNotMatch(out, CONTROL, 'the terminal escape, bell, NUL and backspace the servers sent are gone');
});

test('above PORTBOT_DETECT_MAX_PORTS detection is skipped, the answer says so and how to ask; "services" asks', async () => {
  const run = await runCli(['console'], { PORTBOT_DETECT_MAX_PORTS: '1' }, `/scan 127.0.0.1 ${servers.ftp},${servers.tls}\n/scan 127.0.0.1 ${servers.ftp},${servers.tls} services\n`);
  assert.equal(run.code, 0, run.stderr);
  const [skipped = '', asked = ''] = run.stdout.split(/^(?=Scan of )/m);
  assert.match(skipped, /note: Service detection skipped: this scan found 2 open ports, more than the 1 portbot identifies by itself\. Add "services" to identify them anyway: \/scan 127\.0\.0\.1 \S+ services/);
  assert.doesNotMatch(skipped, /VERSION|ProFTPD/);
  assert.match(skipped, /next: .*\/scan 127\.0\.0\.1 \S+ services/, 'the console offers the command a Rescan with services would run');
  assert.match(asked, /ProFTPD 1\.3\.8/);
  assert.doesNotMatch(asked, /Service detection skipped/);
});

test('/ping: up with its latency and reason, refused outside the allowlist; `portbot ping --json` too', async () => {
  const run = await runCli(['console'], {}, '/ping 127.0.0.1\nping 10.1.2.3\n/ping 127.0.0.1 22\n');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Ping of 127\.0\.0\.1\n {2}127\.0\.0\.1 is up \([\d.]+ ms latency\)\.$/m);
  assert.match(run.stdout, /note: (syn-ack|conn-refused): it (accepted|refused) a TCP connection on one of 80, 443, 22, 445, 3389/);
  assert.match(run.stdout, /^Ping refused\n {2}10\.1\.2\.3 is not loopback/m);
  assert.match(run.stdout, /A ping takes no ports/);

  const json = await runCli(['ping', '127.0.0.1', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const document = JSON.parse(json.stdout) as { hosts: { target: string; status: { state: string; reason: string; latencyMs: number } }[]; durationMs: number };
  assert.equal(document.hosts[0]?.status.state, 'up');
  assert.ok(['syn-ack', 'conn-refused', 'echo-reply'].includes(document.hosts[0]?.status.reason ?? ''));
  const refused = await runCli(['ping', '10.1.2.3']);
  assert.equal(refused.code, 3);
  assert.match(refused.stderr, /^portbot: .*10\.1\.2\.3 is not loopback/);
  const text = await runCli(['ping', 'localhost']);
  assert.match(text.stdout, /^localhost \([\d.:]+\) is up \([\d.]+ ms latency\)\.\nportbot done: 1 address \(1 host up\) pinged in [\d.]+ seconds\n$/);
});

const redisSkip = (() => {
  try {
    execFileSync('which', ['redis-server'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'redis-server is not installed: skipped (apt-get install redis-server)';
  }
})();

describe("Debian's redis-server without a password", { skip: redisSkip }, () => {
  let redis: ChildProcess;
  let port: number;
  let dir: string;
  let spare: Listener;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portbot-redis-'));
    port = await closedPort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    spare = await openPort();
    await waitForPort(port);
  });
  after(async () => {
    redis?.kill('SIGKILL');
    await spare?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the console names it and says anyone who reaches it can use it, beside the port', async () => {
    const closed = await closedPort();
    const run = await runCli(['console'], {}, `/scan 127.0.0.1 ${port},${spare.port},${closed}\n`);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^ {2}${port}/tcp\\s+open\\s+redis\\s+syn-ack\\s+Redis \\d+\\.\\d+\\.\\d+`, 'm'));
    assert.match(run.stdout, /^ {6}! Redis answers without authentication: anyone who reaches it can use it$/m);
    assert.match(run.stdout, /note: No authentication: An open database, cache or container API/);
  });
});

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}
