// Host-name rules against the OS resolver, end to end: the real CLI runs in a network namespace
// whose /etc/hosts and /etc/resolv.conf are its own (`ip netns exec` mounts /etc/netns/<ns>/* over
// /etc), and a DNS server in that namespace answers with A, AAAA and CNAME records. getaddrinfo,
// the policy and the scanner are the production ones; nothing leaves the namespace.
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { cleanupStaleLabs, labSkipReason } from '../lab/lab.js';
import { ENTRY, lines, type CliRun } from '../cli/run-cli.js';
import type { Zone } from './dns-zone.js';

const PREFIX = 'pbr';
const namespace = `${PREFIX}-${process.pid}-d`;
const etcDir = `/etc/netns/${namespace}`;
const zoneServer = fileURLToPath(new URL('./dns-zone.js', import.meta.url));

const hostsFile = ['127.0.0.1 localhost', '::1 localhost', '# the hosts-file trick: an allowed name pointed at loopback', '127.0.0.1 good.test', ''].join('\n');

const zone: Zone = {
  'dns-loop.test': { a: ['127.0.0.1'] },
  'v6-loop.test': { aaaa: ['::1'] },
  'evil.x.lab.test': { a: ['127.0.0.9'] },
  'link.test': { a: ['169.254.10.10'] },
  'own.test': { a: ['10.77.0.1'] },
  'alias.test': { cname: 'dns-loop.test' },
  'ok.test': { a: ['10.77.1.8'] },
  'via.test': { cname: 'deep.test' },
  'deep.test': { cname: 'target.test' },
  'target.test': { a: ['10.77.1.9'] },
  'multi.test': { a: ['127.0.0.2', '127.0.0.3'] },
};

/** Namespaces and /etc/netns folders left by runs that were killed. */
function cleanupStale(): void {
  cleanupStaleLabs(PREFIX);
  if (!existsSync('/etc/netns')) return;
  for (const entry of readdirSync('/etc/netns')) {
    const pid = new RegExp(`^${PREFIX}-(\\d+)-d$`).exec(entry)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch {
      rmSync(`/etc/netns/${entry}`, { recursive: true, force: true });
    }
  }
}

const inNamespace = (command: string, args: readonly string[]): string => execFileSync('ip', ['netns', 'exec', namespace, command, ...args], { encoding: 'utf8' });

function cli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, ENTRY.pathname, ...args], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const oneLine = (run: CliRun): string => {
  assert.equal(lines(run.stderr).length, 1, `one line on stderr, got:\n${run.stderr}`);
  return run.stderr.trim();
};

describe('host-name rules through the OS resolver (hosts file, DNS, CNAME chains)', { skip: labSkipReason() }, () => {
  let server: ChildProcess | undefined;

  before(async () => {
    cleanupStale();
    execFileSync('ip', ['netns', 'add', namespace]);
    inNamespace('ip', ['link', 'set', 'lo', 'up']);
    // An address of "this machine" that is not loopback, and a route that fails at once, so a
    // granted scan of 10.77.1.0/24 ends immediately (no route to host) without any peer.
    inNamespace('ip', ['addr', 'add', '10.77.0.1/32', 'dev', 'lo']);
    inNamespace('ip', ['route', 'add', 'unreachable', '10.77.1.0/24']);
    mkdirSync(etcDir, { recursive: true });
    writeFileSync(`${etcDir}/hosts`, hostsFile);
    writeFileSync(`${etcDir}/resolv.conf`, 'nameserver 127.0.0.1\noptions timeout:2 attempts:2\n');
    server = spawn('ip', ['netns', 'exec', namespace, process.execPath, zoneServer, JSON.stringify(zone)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
    assert.equal(chunk.toString(), 'ready\n');
  });

  after(() => {
    server?.kill('SIGKILL');
    try {
      execFileSync('ip', ['netns', 'del', namespace]);
    } catch {
      // never created
    }
    rmSync(etcDir, { recursive: true, force: true });
  });

  test('a name rule never admits loopback, link-local or own addresses, however the name gets there', async () => {
    const cases: [allowlist: string, target: string, message: RegExp][] = [
      ['good.test', 'good.test', /^portbot: good\.test resolves to 127\.0\.0\.1, which is a loopback address: a host-name rule never admits loopback, link-local or this machine's own addresses; only an address rule in PORTBOT_ALLOWLIST can$/],
      ['dns-loop.test', 'dns-loop.test', /resolves to 127\.0\.0\.1, which is a loopback address/],
      ['v6-loop.test', 'v6-loop.test', /resolves to ::1, which is a loopback address/],
      ['*.lab.test', 'evil.x.lab.test', /resolves to 127\.0\.0\.9, which is a loopback address/],
      ['alias.test', 'alias.test', /^portbot: alias\.test resolves to 127\.0\.0\.1, which is a loopback address/],
      ['link.test', 'link.test', /resolves to 169\.254\.10\.10, which is a link-local address/],
      ['own.test', 'own.test', /resolves to 10\.77\.0\.1, which is one of this machine's own addresses/],
    ];
    for (const [allowlist, target, message] of cases) {
      const run = await cli(['scan', target, '22', '--json'], { PORTBOT_ALLOWLIST: allowlist });
      assert.equal(run.code, 3, `${target} under ${allowlist}: exit ${run.code}\n${run.stdout}${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.match(oneLine(run), message, target);
    }
  });

  test('a name rule still admits an ordinary address, also at the end of a CNAME chain; an address rule admits loopback', async () => {
    for (const [allowlist, target, address] of [
      ['ok.test', 'ok.test', '10.77.1.8'],
      ['via.test', 'via.test', '10.77.1.9'],
      ['127.0.0.1', 'good.test', '127.0.0.1'],
      ['own.test,10.77.0.1', 'own.test', '10.77.0.1'],
    ] as const) {
      const run = await cli(['scan', target, '22', '--json'], { PORTBOT_ALLOWLIST: allowlist });
      assert.equal(run.code, 0, `${target} under ${allowlist}: ${run.stderr}`);
      const document = JSON.parse(run.stdout) as { hosts: { target: string; address: string }[] };
      assert.deepEqual(document.hosts.map((host) => [host.target, host.address]), [[target, address]]);
    }
  });

  test('deny name rules match the name as typed, not the names of its CNAME chain (as the README says)', async () => {
    const env = { PORTBOT_ALLOWLIST: '10.77.1.0/24', PORTBOT_DENYLIST: 'target.test' };
    const typed = await cli(['scan', 'target.test', '22'], env);
    assert.equal(typed.code, 3);
    assert.match(oneLine(typed), /target\.test is on the denylist/);
    const chained = await cli(['scan', 'via.test', '22', '--json'], env);
    assert.equal(chained.code, 0, chained.stderr);
  });

  test('a name that does not resolve: exit 2, its own message, as typed, with a mixed-script warning', async () => {
    const plain = await cli(['scan', 'web-1', '22'], { PORTBOT_ALLOWLIST: '10.77.1.0/24' });
    assert.equal(plain.code, 2, plain.stderr);
    assert.equal(oneLine(plain), 'portbot: could not resolve web-1: no such name (check the spelling, or give the address)');
    const mixed = await cli(['scan', 'l\u043ecalhost', '22'], { PORTBOT_ALLOWLIST: '10.77.1.0/24' });
    assert.equal(mixed.code, 2, mixed.stderr);
    assert.match(oneLine(mixed), /^portbot: could not resolve l\u043ecalhost: no such name .*; careful: "l\u043ecalhost" mixes Latin and Cyrillic letters/);
    assert.doesNotMatch(mixed.stderr, /xn--/);
  });

  test('a name with several addresses: the first is scanned, the others are listed in the table', async () => {
    const run = await cli(['scan', 'multi.test', '22'], { PORTBOT_ALLOWLIST: '127.0.0.0/8' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^portbot scan report for multi\.test \(127\.0\.0\.2\)$/m);
    assert.match(run.stdout, /^Note: Other addresses for multi\.test \(not scanned\): 127\.0\.0\.3$/m);
    assert.doesNotMatch(run.stdout, /scan report for .*127\.0\.0\.3/);
  });
});
