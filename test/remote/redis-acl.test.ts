// The Redis ACL users docs/agents.md gives, read from that page and loaded into a real
// redis-server: an agent with its user serves its zone's jobs from a bot with the bot's user, the
// server logs no denied command while they work, and the agent's user cannot read, list or
// change anything outside its zone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loopbackListener, outcomesOf, runBot, startAgentProcess, stopAgent, type AgentProcess } from './processes.js';
import { redisSkipReason, startRedis, type RedisServer } from './redis-server.js';

const docs = readFileSync(new URL('../../../docs/agents.md', import.meta.url), 'utf8');
const documented = docs.split('\n').filter((line) => /^user portbot-(agent-dmz|bot) /.test(line));
const AGENT = { user: 'portbot-agent-lab', password: 'agent-Pa55' };
const BOT = { user: 'portbot-bot', password: 'bot-Pa55' };

describe('the documented Redis ACL users', { skip: redisSkipReason() }, () => {
  let redis: RedisServer;
  let agent: AgentProcess;
  let listener: Awaited<ReturnType<typeof loopbackListener>>;
  let port: number;
  const asAgent = (...args: string[]): string => {
    try {
      return execFileSync('/usr/bin/redis-cli', ['-h', redis.host, '-p', String(redis.port), '--user', AGENT.user, '--pass', AGENT.password, '--no-auth-warning', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  };

  before(async () => {
    assert.equal(documented.length, 2, 'docs/agents.md gives the agent and the bot ACL lines');
    redis = await startRedis({
      config: (dir) => {
        const lines = [
          // The tests' own administrator; docs/agents.md tells operators to disable it.
          'user default on nopass ~* &* +@all',
          ...documented.map((line) => line.replace(/dmz/g, 'lab').replace('>AGENT-PASSWORD', `>${AGENT.password}`).replace('>BOT-PASSWORD', `>${BOT.password}`)),
        ];
        writeFileSync(join(dir, 'users.acl'), `${lines.join('\n')}\n`);
        return [`aclfile ${join(dir, 'users.acl')}`];
      },
    });
    redis.cli('SET', 'crm:customer:1', 'not for agents');
    redis.cli('SET', 'portbot:zone:office:agent:x', 'another zone');
    listener = await loopbackListener();
    port = listener.port;
    agent = startAgentProcess({ redisUrl: redis.url(AGENT.user, AGENT.password), allowlist: '127.0.0.1' });
    await agent.ready;
  });
  after(async () => {
    await stopAgent(agent);
    listener?.close();
    redis?.stop();
  });

  test('an agent and a bot with those users run a job end to end, and Redis denies them nothing', async () => {
    redis.cli('ACL', 'LOG', 'RESET');
    const { lines } = await runBot(undefined, { redisUrl: redis.url(BOT.user, BOT.password), zone: 'lab', jobs: [{ jobId: 'acl1', targets: ['127.0.0.1'], ports: String(port), deadlineMs: 30_000 }] }).done;
    const [only] = outcomesOf(lines);
    assert.equal(only?.outcome['kind'], 'result', JSON.stringify(only));
    assert.equal(redis.cli('ACL', 'LOG', '100').trim(), '', 'no command was denied');
    assert.doesNotMatch(agent.stderr(), /NOPERM/);
  });

  test("the agent's user reads nothing outside its zone and lists no key names", () => {
    const denied: [string, string[]][] = [
      ['another application', ['GET', 'crm:customer:1']],
      ["another zone's keys", ['GET', 'portbot:zone:office:agent:x']],
      ["another zone's queue", ['HGETALL', 'portbot:scan-office:meta']],
      ['key names', ['KEYS', '*']],
      ['key names by cursor', ['SCAN', '0']],
      ['a random key name', ['RANDOMKEY']],
      ['the configuration', ['CONFIG', 'GET', '*']],
      ['every client', ['CLIENT', 'LIST']],
      ['a wipe', ['FLUSHALL']],
      ['server-wide functions', ['FUNCTION', 'FLUSH']],
      ['pub/sub', ['PUBLISH', 'portbot', 'x']],
    ];
    for (const [what, command] of denied) assert.match(asAgent(...command), /NOPERM/, `${what}: ${command.join(' ')}`);
    assert.doesNotMatch(asAgent('GET', 'portbot:zone:lab:cancel:none'), /NOPERM/, 'its own zone is readable');
    // ACL LOG shows the newest 10 entries unless asked for more.
    assert.match(redis.cli('ACL', 'LOG', '100'), /crm:customer:1/, 'ACL LOG records denials (so an empty log above means none)');
  });
});
