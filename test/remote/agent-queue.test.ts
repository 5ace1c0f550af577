// Agents on this machine's loopback, through a real redis-server: real `portbot agent` processes,
// the real queue client (in a bot process of its own), and jobs written straight into Redis with
// BullMQ, as a compromised bot or anyone with write access to Redis could. The namespace lab
// (agent-lab.test.ts) covers what needs a network the bot cannot reach.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { scan } from '../../src/scanner/scan.js';
import { CONTRACT_VERSION } from '../../src/remote/job-contract.js';
import { QUEUE_PREFIX, queueName } from '../../src/remote/queue-keys.js';
import { loopbackListener, outcomesOf, runBot, startAgentProcess, stopAgent, type AgentProcess } from './processes.js';
import { freePort, redisSkipReason, startRedis, type RedisServer } from './redis-server.js';

const skip = redisSkipReason();

describe('agents through a real Redis on loopback', { skip }, () => {
  let redis: RedisServer;
  let agent: AgentProcess;
  let listener: Awaited<ReturnType<typeof loopbackListener>>;
  let openPort: number;
  let closedPort: number;

  before(async () => {
    redis = await startRedis();
    listener = await loopbackListener();
    openPort = listener.port;
    closedPort = await freePort();
    agent = startAgentProcess({ redisUrl: redis.url(), allowlist: '127.0.0.1', env: { PORTBOT_AUDIT_LOG: join(redis.dir, 'audit.log') } });
    await agent.ready;
  });
  after(async () => {
    await stopAgent(agent);
    listener?.close();
    redis?.stop();
  });

  test('a job through the zone finds the open and closed ports a direct scan finds', async () => {
    const ports = `${openPort},${closedPort}`;
    const run = runBot(undefined, { redisUrl: redis.url(), zone: 'lab', jobs: [{ jobId: 'loop1', targets: ['127.0.0.1'], ports, deadlineMs: 30_000 }] });
    const { code, lines } = await run.done;
    assert.equal(code, 0);
    const [only, ...more] = outcomesOf(lines);
    assert.equal(more.length, 0, 'exactly one outcome');
    assert.equal(only?.outcome['kind'], 'result', JSON.stringify(only));
    const kinds = lines.flatMap((line) => ('event' in line ? [line.event['kind']] : []));
    assert.deepEqual(kinds.slice(0, 2), ['queued', 'started'], 'queued, then started by the agent, before the answer');

    const direct = await scan([{ target: '127.0.0.1', address: '127.0.0.1', family: 4 }], [openPort, closedPort].sort((a, b) => a - b).map((port) => ({ port, protocol: 'tcp' as const })));
    const states = (ports: Iterable<{ port: number; state: string; reason: string }>): string[] => [...ports].map(({ port, state, reason }) => `${port}/${state}/${reason}`);
    const report = only.outcome['report'] as { hosts: { address: string; ports: { port: number; state: string; reason: string }[] }[]; cancelled: boolean };
    assert.equal(report.cancelled, false);
    assert.deepEqual(states(report.hosts[0]!.ports), states(direct.hosts[0]!.ports));
    const expected = [`${openPort}/open/syn-ack`, `${closedPort}/closed/conn-refused`];
    assert.deepEqual(states(report.hosts[0]!.ports), openPort < closedPort ? expected : expected.reverse());
  });

  test('a zone with no live agent is answered no-agent at once, and nothing is queued', async () => {
    const { lines } = await runBot(undefined, { redisUrl: redis.url(), zone: 'nobody', jobs: [{ jobId: 'lonely1', targets: ['127.0.0.1'], ports: '22', deadlineMs: 30_000 }] }).done;
    const outcomes = outcomesOf(lines);
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]!.outcome['kind'], 'no-agent');
    assert.match(String(outcomes[0]!.outcome['message']), /portbot agent --zone nobody/);
    assert.equal(redis.cli('EXISTS', `${QUEUE_PREFIX}:${queueName('nobody')}:lonely1`).trim(), '0', 'the job never reached Redis');
  });

  describe('jobs written straight into Redis, bypassing the client', () => {
    let queue: Queue;
    let events: QueueEvents;
    const connection = (): { host: string; port: number } => ({ host: redis.host, port: redis.port });
    before(async () => {
      queue = new Queue(queueName('lab'), { connection: connection(), prefix: QUEUE_PREFIX });
      events = new QueueEvents(queueName('lab'), { connection: connection(), prefix: QUEUE_PREFIX });
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    });
    after(async () => {
      await events?.close();
      await queue?.close();
    });

    const valid = (jobId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
      version: CONTRACT_VERSION,
      jobId,
      zone: 'lab',
      targets: ['127.0.0.1'],
      ports: String(openPort),
      protocol: 'tcp',
      options: { services: false, allHosts: false },
      requester: { platform: 'slack', userId: 'U0FORGED' },
      deadline: Date.now() + 30_000,
      ...overrides,
    });
    /** The job's end as the agent left it: its return value, or its failure. */
    const settle = async (job: Job): Promise<{ value?: Record<string, unknown>; failed?: string }> => {
      try {
        return { value: (await job.waitUntilFinished(events, 30_000)) as Record<string, unknown> };
      } catch (error) {
        return { failed: error instanceof Error ? error.message : String(error) };
      }
    };

    test('a forged job for a target outside the agent allowlist is refused', async () => {
      // 127.0.0.2: loopback, so even a broken agent would send nothing off this machine.
      const { value } = await settle(await queue.add('scan', valid('forged1', { targets: ['127.0.0.2'] }), { jobId: 'forged1' }));
      assert.equal(value?.['kind'], 'refused');
      const problem = value?.['problem'] as { code: string; message: string };
      assert.equal(problem.code, 'target-not-allowed');
      assert.match(problem.message, /^zone lab's agent: /, "the requester reads whose allowlist said no");
      const audit = readFileSync(join(redis.dir, 'audit.log'), 'utf8')
        .split('\n')
        .filter((line) => line.includes('forged1'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.deepEqual(
        audit.map(({ platform, user, decision, reason, text }) => ({ platform, user, decision, reason, text })),
        [{ platform: 'slack', user: 'U0FORGED', decision: 'refused', reason: 'target-not-allowed', text: '[zone lab, job forged1] scan 127.0.0.2 ' + String(openPort) }],
        "the agent's own audit trail names the job, its zone and who asked",
      );
    });

    const malformed: [string, unknown, RegExp][] = [
      ['not an object', 'scan 10.0.0.1', /invalid-job/],
      ['no targets', { ...valid('x'), targets: [] }, /invalid-job/],
      ['a token riding along', { ...valid('x'), slackToken: 'xoxb-123-456-abc' }, /invalid-job/],
      ['another contract version', { ...valid('x'), version: 99 }, /invalid-job/],
      ['another zone', { ...valid('x'), zone: 'office' }, /invalid-job: a job for zone office arrived on the queue of zone lab/],
      ['a deadline already passed', { ...valid('x'), deadline: Date.now() - 1000 }, /expired/],
      ['scanner flags in the targets', { ...valid('x'), targets: ['-sS', '127.0.0.1'] }, /refused/],
      ['shell text in the ports', { ...valid('x'), ports: '22;rm -rf /' }, /refused/],
    ];
    for (const [name, data, expected] of malformed) {
      test(`malformed job data (${name}) is answered, and the agent lives on`, async () => {
        const jobId = `bad${malformed.findIndex(([other]) => other === name)}`;
        const body = typeof data === 'object' && data !== null ? { ...data, jobId } : data;
        const { value, failed } = await settle(await queue.add('scan', body, { jobId }));
        const answer = failed ?? String(value?.['kind']);
        assert.match(answer, expected);
        const after = await settle(await queue.add('scan', valid(`${jobId}ok`), { jobId: `${jobId}ok` }));
        assert.equal(after.value?.['kind'], 'result', 'the same agent answers the next job');
      });
    }
  });
});
