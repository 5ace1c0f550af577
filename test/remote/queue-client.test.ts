// The bot's queue client on its own: it refuses to queue what does not fit the contract, never
// queues one job id twice, answers when Redis cannot be reached, and bounds its wait when the
// zone's agent is alive but does not answer (a frozen process): one outcome each, in bounded time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createQueueClient, type QueueClient, type ScanJobRequest } from '../../src/remote/queue-client.js';
import { startAgentProcess, type AgentProcess } from './processes.js';
import { freePort, redisSkipReason, startRedis, type RedisServer } from './redis-server.js';

const job = (jobId: string, overrides: Partial<ScanJobRequest> = {}): ScanJobRequest => ({
  jobId,
  targets: ['127.0.0.1'],
  ports: '22',
  protocol: 'tcp',
  options: { services: false, allHosts: false },
  requester: { platform: 'console', userId: 'ops' },
  deadline: Date.now() + 30_000,
  ...overrides,
});

test('Redis unreachable: the outcome says the scan could not be queued, promptly', async () => {
  const client = createQueueClient({ redisUrl: `redis://:pw-not-shown@127.0.0.1:${await freePort()}`, timing: { submitTimeoutMs: 3000 } });
  try {
    const outcome = await client.submit('lab', job('down1')).outcome;
    assert.equal(outcome.kind, 'failed');
    assert.equal(outcome.kind === 'failed' && outcome.code, 'queue-unavailable');
    assert.doesNotMatch(JSON.stringify(outcome), /pw-not-shown/);
  } finally {
    await client.close();
  }
});

describe('the queue client with a real Redis', { skip: redisSkipReason() }, () => {
  let redis: RedisServer;
  let client: QueueClient;
  let agent: AgentProcess;
  before(async () => {
    redis = await startRedis();
    client = createQueueClient({ redisUrl: redis.url(), timing: { answerGraceMs: 1000 } });
    agent = startAgentProcess({ redisUrl: redis.url(), allowlist: '127.0.0.1' });
    await agent.ready;
  });
  after(async () => {
    agent?.child.kill('SIGKILL');
    await agent?.exited;
    await client?.close();
    redis?.stop();
  });

  test('a job with a field the contract lacks (a token) is never queued', async () => {
    const smuggled = { ...job('tok1'), botToken: 'xoxb-1-2-3' } as ScanJobRequest;
    const outcome = await client.submit('lab', smuggled).outcome;
    assert.deepEqual([outcome.kind, outcome.kind === 'failed' && outcome.code], ['failed', 'invalid-job']);
    assert.equal(redis.cli('EXISTS', 'portbot:scan-lab:tok1').trim(), '0');
  });

  test('a job id already on the queue is not queued again', async () => {
    const first = await client.submit('lab', job('twice1')).outcome;
    assert.equal(first.kind, 'result');
    const second = await client.submit('lab', job('twice1')).outcome;
    assert.deepEqual([second.kind, second.kind === 'failed' && second.code], ['failed', 'duplicate-job']);
  });

  test('an agent that is alive but frozen: timed-out after the deadline and its grace, and the job is taken off the queue', async () => {
    agent.child.kill('SIGSTOP');
    try {
      const outcome = await client.submit('lab', job('frozen1', { deadline: Date.now() + 1500 })).outcome;
      assert.equal(outcome.kind, 'timed-out');
      assert.equal(redis.cli('EXISTS', 'portbot:scan-lab:frozen1').trim(), '0', 'nothing is left for the agent to run later');
      assert.equal(redis.cli('EXISTS', 'portbot:zone:lab:cancel:frozen1').trim(), '1', 'and were it taken already, its agent would see the cancel');
    } finally {
      agent.child.kill('SIGCONT');
    }
  });
});
