// `portbot agent` as an operator starts it: one clear line and exit 2 for what it cannot work
// with, exit 1 with the cause (and no password) when Redis cannot be used, and TLS: rediss://
// to a real redis-server with a certificate the agent verifies, and refuses when it cannot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { lines, runCli } from '../cli/run-cli.js';
import { outcomesOf, runBot, startAgentProcess } from './processes.js';
import { freePort, redisSkipReason, startRedis, type RedisServer } from './redis-server.js';

const env = { PORTBOT_REDIS_URL: 'redis://127.0.0.1:1', PORTBOT_ALLOWLIST: '127.0.0.1' };

test('arguments and settings an agent cannot work with: one line, exit 2', async () => {
  const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
    [['agent'], env, /say which zone this agent serves, e\.g\. `portbot agent --zone dmz`/],
    [['agent', '--zone', 'DMZ!'], env, /"DMZ!" is not a zone name: use lower-case letters/],
    [['agent', '--zone', 'dmz', '--udp'], env, /unknown option "--udp"/],
    [['agent', '--zone', 'dmz'], { PORTBOT_ALLOWLIST: '127.0.0.1' }, /PORTBOT_REDIS_URL is not set/],
    [['agent', '--zone', 'dmz'], { PORTBOT_REDIS_URL: 'redis://127.0.0.1:1' }, /PORTBOT_ALLOWLIST is empty, so this agent would refuse every job/],
    [['agent', '--zone', 'dmz'], { ...env, PORTBOT_ALLOWLIST: '10.0.0.0/33' }, /PORTBOT_ALLOWLIST: "10\.0\.0\.0\/33" is not a CIDR block/],
    [['agent', '--zone', 'dmz'], { ...env, PORTBOT_REDIS_URL: 'http://redis' }, /PORTBOT_REDIS_URL: must start with redis:\/\/ or rediss:\/\//],
  ];
  for (const [args, settings, expected] of cases) {
    const run = await runCli(args, settings);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.equal(lines(run.stderr).length, 1, run.stderr);
    assert.match(run.stderr, expected);
  }
});

test('Redis unreachable: exit 1 with the cause, and the password is not shown', async () => {
  const url = `redis://portbot-agent-dmz:s3cret-pw@127.0.0.1:${await freePort()}`;
  const run = await runCli(['agent', '--zone', 'dmz'], { PORTBOT_REDIS_URL: url, PORTBOT_ALLOWLIST: '127.0.0.1' });
  assert.equal(run.code, 1);
  assert.deepEqual(lines(run.stderr).length, 1, run.stderr);
  assert.match(run.stderr, /cannot use Redis at redis:\/\/portbot-agent-dmz:\*\*\*@127\.0\.0\.1:\d+\/?: connect ECONNREFUSED/);
  assert.doesNotMatch(run.stderr, /s3cret-pw/);
});

test('portbot --help lists the agent; agent --help explains it', async () => {
  assert.match((await runCli(['--help'])).stdout, /portbot agent --zone <name>/);
  const help = await runCli(['agent', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /PORTBOT_ALLOWLIST and PORTBOT_DENYLIST first/);
});

describe('rediss:// (TLS) to a real redis-server', { skip: redisSkipReason() }, () => {
  let redis: RedisServer;
  let tlsPort: number;
  let ca: string;
  before(async () => {
    tlsPort = await freePort();
    redis = await startRedis({
      config: (dir) => {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
        return [`tls-port ${tlsPort}`, `tls-cert-file ${join(dir, 'cert.pem')}`, `tls-key-file ${join(dir, 'key.pem')}`, 'tls-auth-clients no'];
      },
    });
    ca = join(redis.dir, 'cert.pem');
  });
  after(() => redis?.stop());

  test("an agent and a bot over TLS, the server's certificate verified against the given authority", async () => {
    const url = `rediss://localhost:${tlsPort}`;
    const agent = startAgentProcess({ redisUrl: url, allowlist: '127.0.0.1', env: { NODE_EXTRA_CA_CERTS: ca } });
    try {
      await agent.ready;
      const bot = runBot(undefined, { redisUrl: url, zone: 'lab', jobs: [{ jobId: 'tls1', targets: ['127.0.0.1'], ports: '1', deadlineMs: 30_000 }] }, { NODE_EXTRA_CA_CERTS: ca });
      const [only] = outcomesOf((await bot.done).lines);
      assert.equal(only?.outcome['kind'], 'result', JSON.stringify(only));
    } finally {
      agent.child.kill('SIGTERM');
      await agent.exited;
    }
  });

  test('an agent refuses a server whose certificate it cannot verify', async () => {
    const run = await runCli(['agent', '--zone', 'lab'], { PORTBOT_REDIS_URL: `rediss://localhost:${tlsPort}`, PORTBOT_ALLOWLIST: '127.0.0.1' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /cannot use Redis at rediss:\/\/localhost:\d+\/?: .*(self[- ]signed|certificate)/i);
  });
});
