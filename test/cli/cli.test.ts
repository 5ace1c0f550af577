import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closedPort, openPort, type Listener } from '../commands/loopback.js';
import { lines, runCli, startCli } from './run-cli.js';

let listener: Listener;
let closed: number;
before(async () => {
  listener = await openPort();
  closed = await closedPort();
});
after(() => listener.close());

const oneLine = (stderr: string): string => {
  assert.equal(lines(stderr).length, 1, `one line on stderr, got:\n${stderr}`);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  return stderr.trim();
};

test('scan prints an nmap-style table and exits 0', async () => {
  const run = await runCli(['scan', '127.0.0.1', `${listener.port},${closed}`]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  const out = lines(run.stdout);
  assert.equal(out[0], 'portbot scan report for 127.0.0.1');
  assert.match(out[1]!, /^127\.0\.0\.1 is up \([\d.]+ ms latency\)\.$/);
  assert.match(out[2]!, /^PORT\s+STATE\s+SERVICE\s+REASON$/);
  assert.ok(out.some((line) => new RegExp(`^${listener.port}/tcp\\s+open\\s+\\S+\\s+syn-ack$`).test(line)));
  assert.ok(out.some((line) => new RegExp(`^${closed}/tcp\\s+closed\\s+\\S+\\s+conn-refused$`).test(line)));
});

test('--json prints the DESIGN document: every port, nmap words, a summary and the duration', async () => {
  const run = await runCli(['scan', 'localhost', `${listener.port},${closed}`, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const document = JSON.parse(run.stdout) as { hosts: { target: string; address: string; ports: Record<string, unknown>[]; summary: unknown }[]; durationMs: unknown };
  assert.deepEqual(Object.keys(document).sort(), ['durationMs', 'hosts']);
  assert.equal(typeof document.durationMs, 'number');
  const [host] = document.hosts;
  assert.equal(host?.target, 'localhost');
  assert.match(host?.address ?? '', /^(127\.0\.0\.1|::1)$/);
  assert.deepEqual(host?.summary, { open: 1, closed: 1 });
  assert.deepEqual(
    host?.ports.map((port) => Object.keys(port).sort()),
    [0, 1].map(() => ['port', 'protocol', 'reason', 'rttMs', 'service', 'state']),
  );
  const open = host?.ports.find((port) => port['port'] === listener.port);
  assert.deepEqual([open?.['protocol'], open?.['state'], open?.['reason']], ['tcp', 'open', 'syn-ack']);
});

test('the table folds closed ports as nmap does; JSON still lists every port', async () => {
  const ports = `40000-40040,${listener.port}`;
  const table = await runCli(['scan', '127.0.0.1', ports]);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /^Not shown: \d+ closed tcp ports \(conn-refused\)$/m);
  assert.ok(lines(table.stdout).some((line) => line.startsWith(`${listener.port}/tcp`)));
  assert.ok(!lines(table.stdout).some((line) => /^4000\d\/tcp\s+closed/.test(line)), 'folded ports are not listed');
  const json = await runCli(['scan', '127.0.0.1', ports, '--json']);
  const document = JSON.parse(json.stdout) as { hosts: { ports: unknown[] }[] };
  assert.equal(document.hosts[0]?.ports.length, listener.port >= 40000 && listener.port <= 40040 ? 41 : 42);
});

test('a target outside the allowlist: exit 3, one line, nothing on stdout', async () => {
  const run = await runCli(['scan', '10.1.2.3', '22']);
  assert.equal(run.code, 3);
  assert.equal(run.stdout, '');
  assert.match(oneLine(run.stderr), /10\.1\.2\.3/);
});

test('an allowlist the target is not on: exit 3 as well', async () => {
  const run = await runCli(['scan', '127.0.0.1', '22'], { PORTBOT_ALLOWLIST: '10.9.9.0/24' });
  assert.equal(run.code, 3);
  oneLine(run.stderr);
});

test('a bad port list: exit 2 and one line naming the problem with an example', async () => {
  const run = await runCli(['scan', '127.0.0.1', '99999']);
  assert.equal(run.code, 2);
  assert.match(oneLine(run.stderr), /99999/);
});

test('bad arguments and a bad environment variable: exit 2 and one line', async () => {
  assert.equal((await runCli(['frobnicate'])).code, 2);
  const option = await runCli(['scan', '127.0.0.1', '--fast']);
  assert.equal(option.code, 2);
  assert.match(oneLine(option.stderr), /--fast/);
  const missing = await runCli(['scan']);
  assert.equal(missing.code, 2);
  oneLine(missing.stderr);
  const env = await runCli(['scan', '127.0.0.1', '22'], { PORTBOT_MAX_SOCKETS: 'lots' });
  assert.equal(env.code, 2);
  assert.match(oneLine(env.stderr), /PORTBOT_MAX_SOCKETS/);
});

test('port explains, as text or JSON; an unknown topic exits 2', async () => {
  const text = await runCli(['port', '22']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /ssh/i);
  const json = await runCli(['port', 'ssh', '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.equal((JSON.parse(json.stdout) as { kind: string }).kind, 'port');
  const unknown = await runCli(['port', 'qwxzzy']);
  assert.equal(unknown.code, 2);
  oneLine(unknown.stderr);
});

test('--help prints usage with the exit codes', async () => {
  const run = await runCli(['--help']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /portbot scan <target>/);
});

test('SIGINT cancels a running scan: the partial result is still printed, exit 1, no stack', async () => {
  const cli = startCli(['scan', '127.0.0.1', '1-65535', '--json'], { PORTBOT_LOG_LEVEL: 'debug' });
  await cli.waitForStderr('scan started');
  cli.child.kill('SIGINT');
  const run = await cli.done;
  assert.equal(run.code, 1);
  assert.equal((JSON.parse(run.stdout) as { cancelled?: boolean }).cancelled, true);
  assert.match(run.stderr, /scan cancelled by SIGINT/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test('a cancelled text scan says so once: one line on stderr with what the partial table covers, nothing in it', async () => {
  const cli = startCli(['scan', '127.0.0.1', '1-65535'], { PORTBOT_LOG_LEVEL: 'debug' });
  await cli.waitForStderr('scan started');
  cli.child.kill('SIGINT');
  const run = await cli.done;
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^portbot scan report for 127\.0\.0\.1/);
  assert.doesNotMatch(run.stdout, /cancel|portbot done/i, 'the table does not repeat it');
  const said = run.stderr.split('\n').filter((line) => line.startsWith('portbot:'));
  assert.equal(said.length, 1, run.stderr);
  assert.match(said[0] ?? '', /^portbot: scan cancelled by SIGINT after [\d.]+ s; the result above covers only the [\d,]+ ports finished by then$/);
});

test('a chat token without the settings it needs: the bot does not start, exit 2, one line', async () => {
  const run = await runCli([], { SLACK_BOT_TOKEN: 'xoxb-test', PORTBOT_LOG_LEVEL: 'silent' });
  assert.equal(run.code, 2);
  assert.match(oneLine(run.stderr), /could not start slack: .*SLACK_/);
});

test('Slack against an unreachable API: after its retries, one line with the cause, no SDK warnings and no stack', async () => {
  // The default log level (info) is the one an operator starts with; the Web API client retries
  // for about 15 s before giving up.
  const run = await runCli([], { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: `http://127.0.0.1:${closed}/api/`, PORT: '0' });
  assert.equal(run.code, 1);
  assert.equal(run.stderr, `portbot: could not start slack: cannot reach the Slack API at http://127.0.0.1:${closed}/api/ (ECONNREFUSED)\n`);
});

test('a --json reader that stops early gets one line on stderr and exit 1, not a crash', async () => {
  // 20,000 ports make about 2 MB of JSON, far more than a pipe holds, so the writer meets the closed end.
  const cli = startCli(['scan', '127.0.0.1', '40001-60000', '--json']);
  cli.child.stdout?.once('data', () => cli.child.stdout?.destroy());
  const run = await cli.done;
  assert.equal(run.code, 1);
  assert.match(oneLine(run.stderr), /^portbot: standard output was closed before the whole JSON document was written$/);
});

test('a slow --json reader still gets the whole document', async () => {
  const cli = startCli(['scan', '127.0.0.1', '40001-60000', '--json']);
  cli.child.stdout?.pause();
  setTimeout(() => cli.child.stdout?.resume(), 500);
  const run = await cli.done;
  assert.equal(run.code, 0, run.stderr);
  const document = JSON.parse(run.stdout) as { hosts: { ports: unknown[] }[] };
  assert.equal(document.hosts[0]?.ports.length, 20000);
});

test('--services names what answers on open ports: the JSON gains detected, the table a VERSION column', async () => {
  const { createServer } = await import('node:net');
  const server = createServer((socket) => socket.on('error', () => undefined).end('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sshPort = (server.address() as { port: number }).port;
  try {
    const json = await runCli(['scan', '127.0.0.1', `${sshPort},${closed}`, '--services', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const document = JSON.parse(json.stdout) as { hosts: { status: unknown; ports: { port: number; detected?: unknown }[] }[] };
    assert.deepEqual((document.hosts[0]?.status as { state: string }).state, 'up');
    const ports = document.hosts[0]?.ports ?? [];
    assert.deepEqual(ports.find((port) => port.port === sshPort)?.detected, { name: 'ssh', product: 'OpenSSH', version: '9.2p1', info: 'protocol 2.0; Debian-2+deb12u3', findings: [] });
    assert.equal(ports.find((port) => port.port === closed)?.detected, undefined);
    const table = await runCli(['scan', '127.0.0.1', String(sshPort), '--services']);
    assert.ok(lines(table.stdout).some((line) => new RegExp(`^${sshPort}/tcp\\s+open\\s+ssh\\s+syn-ack\\s+OpenSSH 9\\.2p1 \\(protocol 2\\.0; Debian-2\\+deb12u3\\)$`).test(line)), table.stdout);
    const plain = await runCli(['scan', '127.0.0.1', String(sshPort), '--json']);
    assert.equal((JSON.parse(plain.stdout) as { hosts: { ports: { detected?: unknown }[] }[] }).hosts[0]?.ports[0]?.detected, undefined, 'no probing without --services');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('--all-hosts is accepted, and every host of a list carries its status', async () => {
  const run = await runCli(['scan', '127.0.0.1,127.0.0.2', String(closed), '--all-hosts', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const document = JSON.parse(run.stdout) as { hosts: { status: { state: string; reason: string } }[] };
  assert.deepEqual(document.hosts.map((host) => [host.status.state, host.status.reason]), [['up', 'conn-refused'], ['up', 'conn-refused']]);
});
