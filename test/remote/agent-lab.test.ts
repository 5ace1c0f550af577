// Agents in a network lab: the bot runs in a namespace with no route to the target, the agents in
// one that reaches it, Redis between them. Through the real `portbot agent` processes and the real
// queue client: a scan through the zone, an agent's own allowlist (no packet reaches the target),
// Cancel, two agents sharing a zone, SIGTERM, and agents SIGKILLed mid-scan.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, afterEach, before, describe, test } from 'node:test';
import { ENTRY } from '../cli/run-cli.js';
import { agentLabSkipReason, createAgentLab, type AgentLab } from './agent-lab.js';
import type { BotLine } from './bot-main.js';
import { outcomesOf, pidOfAgent, runBot, startAgentProcess, type AgentProcess, type AgentSpec } from './processes.js';

const skip = agentLabSkipReason();
/** Ports the target drops: a scan of many of them runs long enough to act on mid-scan. */
const DROPPED = '1000:65535';

interface PortLine {
  readonly port: number;
  readonly state: string;
  readonly reason: string;
}

describe('agents in a namespace lab', { skip }, () => {
  let zone: AgentLab;
  const agents: AgentProcess[] = [];

  before(async () => {
    zone = await createAgentLab('pbq', {
      tcpPorts: [22, 80],
      iptables: [
        // Counts every packet from the agents' side, whatever happens to it after.
        ['-A', 'INPUT', '-s', '10.231.1.1'],
        ['-A', 'INPUT', '-p', 'tcp', '--dport', DROPPED, '-j', 'DROP'],
      ],
    });
  });
  // A test that fails before stopping its agents must not leave them to take the next test's jobs.
  afterEach(async () => {
    const left = agents.filter((agent) => agent.child.exitCode === null && agent.child.signalCode === null);
    for (const agent of left) agent.child.kill('SIGKILL');
    await Promise.all(left.map((agent) => agent.exited));
  });
  after(() => zone?.destroy());

  const agent = async (spec: Partial<AgentSpec> = {}): Promise<AgentProcess> => {
    const started = startAgentProcess({ namespace: zone.agentNamespace, redisUrl: zone.agentRedisUrl, allowlist: '10.231.1.0/24', ...spec });
    agents.push(started);
    await started.ready;
    return started;
  };
  const stop = async (...stopping: AgentProcess[]): Promise<void> => {
    for (const one of stopping) one.child.kill('SIGTERM');
    await Promise.all(stopping.map((one) => one.exited));
  };
  const bot = (jobs: Parameters<typeof runBot>[1]['jobs'], options: { zone?: string } = {}): ReturnType<typeof runBot> =>
    runBot(zone.botNamespace, { redisUrl: zone.botRedisUrl, zone: options.zone ?? 'lab', jobs });
  const packetsFromAgents = (): number => {
    const line = zone.lab.exec(zone.target.namespace, 'iptables', ['-nvx', '-L', 'INPUT']).split('\n').find((row) => row.includes('10.231.1.1'));
    return Number(line?.trim().split(/\s+/)[0]);
  };
  const eventsOf = (lines: readonly BotLine[]): Record<string, unknown>[] => lines.flatMap((line) => ('event' in line ? [line.event] : []));
  const reportOf = (outcome: Record<string, unknown>): { hosts: { target: string; address: string; ports: PortLine[] }[]; cancelled: boolean } =>
    outcome['report'] as { hosts: { target: string; address: string; ports: PortLine[] }[]; cancelled: boolean };
  const firstProgress = (line: BotLine): boolean => 'event' in line && line.event['kind'] === 'progress';

  test("the bot cannot reach the target, the zone's agent can: a name only the zone resolves, scanned as a direct scan there sees it", async () => {
    assert.throws(() => zone.lab.exec(zone.botNamespace, 'ip', ['route', 'get', zone.target.address]), 'the bot namespace has no route to the target');
    const worker = await agent();
    const ports = '22,23,80,1000-1010';
    const { code, lines } = await bot([{ jobId: 'lab1', targets: ['web-1.zone.test'], ports, deadlineMs: 60_000 }]).done;
    assert.equal(code, 0);
    const outcomes = outcomesOf(lines);
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]!.outcome['kind'], 'result', JSON.stringify(outcomes[0]));
    const host = reportOf(outcomes[0]!.outcome).hosts[0]!;
    assert.deepEqual([host.target, host.address], ['web-1.zone.test', zone.target.address], 'the agent resolved the name in its own network');

    const direct = JSON.parse(
      execFileSync('ip', ['netns', 'exec', zone.agentNamespace, process.execPath, ENTRY.pathname, 'scan', zone.target.address, ports, '--json'], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', PORTBOT_ALLOWLIST: '10.231.1.0/24' },
      }),
    ) as { hosts: { ports: PortLine[] }[] };
    const states = (list: readonly PortLine[]): string[] => list.map(({ port, state, reason }) => `${port}/${state}/${reason}`);
    assert.deepEqual(states(host.ports), states(direct.hosts[0]!.ports));
    const open = host.ports.filter((port) => port.state === 'open').map((port) => port.port);
    assert.deepEqual(open, [22, 80]);
    assert.equal(host.ports.find((port) => port.port === 23)?.state, 'closed');
    assert.equal(host.ports.find((port) => port.port === 1005)?.state, 'filtered');
    await stop(worker);
  });

  test("an agent whose own allowlist excludes the target refuses the queued job, and no packet reaches the target", async () => {
    const guard = await agent({ zone: 'guarded', allowlist: '10.231.9.0/24' });
    const before = packetsFromAgents();
    const { lines } = await bot([{ jobId: 'guard1', targets: [zone.target.address], ports: '22,80', deadlineMs: 60_000 }], { zone: 'guarded' }).done;
    const [only] = outcomesOf(lines);
    assert.equal(only?.outcome['kind'], 'refused', JSON.stringify(only));
    assert.equal((only.outcome['problem'] as { code: string }).code, 'target-not-allowed');
    assert.equal(packetsFromAgents(), before, 'not one packet from the agent side reached the target');
    zone.lab.exec(zone.agentNamespace, 'ping', ['-c', '1', '-W', '1', zone.target.address]);
    assert.ok(packetsFromAgents() > before, 'the counter does count what the agent side sends');
    await stop(guard);
  });

  test("Cancel through the queue stops the agent's scan: a partial answer, and its sockets are closed", async () => {
    const worker = await agent();
    const { lines } = await bot([{ jobId: 'cancel1', targets: [zone.target.address], ports: '1000-40000', deadlineMs: 120_000, cancelOn: { kind: 'progress' } }]).done;
    const [only] = outcomesOf(lines);
    assert.equal(only?.outcome['kind'], 'result', JSON.stringify(only));
    assert.equal(only.outcome['stopped'], 'cancelled');
    const report = reportOf(only.outcome);
    assert.equal(report.cancelled, true);
    assert.ok((report.hosts[0]?.ports.length ?? 0) < 39_001, 'the answer covers only the ports finished before the cancel');
    const pending = zone.lab.exec(zone.agentNamespace, 'ss', ['-Htn', 'state', 'syn-sent', 'dst', zone.target.address]);
    assert.equal(pending.trim(), '', 'no connection attempt of the scan is left open');
    await stop(worker);
  });

  test('Cancel of a job no agent has taken yet takes it off the queue: answered at once, never started', async () => {
    const worker = await agent({ concurrency: 1 });
    const jobs = [
      { jobId: 'busy1', targets: [zone.target.address], ports: '1000-3000', deadlineMs: 60_000 },
      { jobId: 'waiting1', targets: [zone.target.address], ports: '22', deadlineMs: 60_000, cancelOn: { of: 'busy1', kind: 'started' } },
    ];
    const { lines } = await bot(jobs).done;
    const outcomes = new Map(outcomesOf(lines).map((line) => [line.jobId, line.outcome]));
    assert.equal(outcomes.get('busy1')?.['kind'], 'result');
    assert.deepEqual([outcomes.get('waiting1')?.['kind'], outcomes.get('waiting1')?.['stopped'], reportOf(outcomes.get('waiting1')!).hosts], ['result', 'cancelled', []]);
    assert.deepEqual(
      lines.flatMap((line) => (line.jobId === 'waiting1' && 'event' in line ? [line.event['kind']] : [])),
      ['queued'],
      'the cancelled job never started',
    );
    await stop(worker);
  });

  test("a job whose deadline comes mid-scan answers with what was found by then", async () => {
    const worker = await agent();
    const { lines } = await bot([{ jobId: 'late1', targets: [zone.target.address], ports: '20-23,1000-60000', deadlineMs: 3000 }]).done;
    const [only] = outcomesOf(lines);
    assert.equal(only?.outcome['kind'], 'result', JSON.stringify(only));
    assert.equal(only.outcome['stopped'], 'deadline');
    const report = reportOf(only.outcome);
    assert.equal(report.cancelled, true);
    assert.equal(report.hosts[0]?.ports.find((port) => port.port === 22)?.state, 'open', 'what was found is kept');
    await stop(worker);
  });

  test('two agents in one zone share the work', async () => {
    const pair = [await agent({ concurrency: 1 }), await agent({ concurrency: 1 })];
    const jobs = ['share1', 'share2'].map((jobId) => ({ jobId, targets: [zone.target.address], ports: '1000-3000', deadlineMs: 60_000 }));
    const { lines } = await bot(jobs).done;
    assert.deepEqual(outcomesOf(lines).map((line) => line.outcome['kind']), ['result', 'result']);
    const takers = new Set(eventsOf(lines).flatMap((event) => (event['kind'] === 'started' ? [pidOfAgent(String(event['agent']))] : [])));
    assert.deepEqual([...takers].sort(), pair.map((one) => one.pid).sort(), 'each agent took one of the two jobs');
    await stop(...pair);
  });

  test('SIGTERM: the agent stops taking jobs, stops a long scan after its grace and still answers with what it found', async () => {
    const worker = await agent();
    const run = bot([{ jobId: 'term1', targets: [zone.target.address], ports: '1000-60000', deadlineMs: 120_000 }]);
    await run.until(firstProgress);
    worker.child.kill('SIGTERM');
    const [{ code, stderr }, { lines }] = await Promise.all([worker.exited, run.done]);
    assert.equal(code, 0, stderr);
    const [only, ...more] = outcomesOf(lines);
    assert.equal(more.length, 0);
    assert.equal(only?.outcome['kind'], 'result', JSON.stringify(only));
    assert.equal(only.outcome['stopped'], 'agent-shutdown');
    assert.equal(reportOf(only.outcome).cancelled, true);
  });

  test('an agent SIGKILLed mid-scan: the job starts again on the other agent, and the requester gets one answer', async () => {
    const pair = [await agent({ concurrency: 1 }), await agent({ concurrency: 1 })];
    const run = bot([{ jobId: 'kill1', targets: [zone.target.address], ports: '20-23,1000-4000', deadlineMs: 120_000 }]);
    const started = await run.until((line) => 'event' in line && line.event['kind'] === 'started');
    await run.until(firstProgress);
    const victim = pidOfAgent(String('event' in started ? started.event['agent'] : ''));
    pair.find((one) => one.pid === victim)!.child.kill('SIGKILL');
    const { code, lines } = await run.done;
    assert.equal(code, 0, 'the bot process ends');
    const outcomes = outcomesOf(lines);
    assert.equal(outcomes.length, 1, 'exactly one answer');
    assert.equal(outcomes[0]!.outcome['kind'], 'result', JSON.stringify(outcomes[0]));
    const report = reportOf(outcomes[0]!.outcome);
    assert.equal(report.cancelled, false, 'the second agent ran the whole scan');
    assert.equal(report.hosts[0]?.ports.find((port) => port.port === 22)?.state, 'open');
    const events = eventsOf(lines);
    assert.ok(events.some((event) => event['kind'] === 'restarted'), 'the requester was told the scan started again');
    const takers = events.flatMap((event) => (event['kind'] === 'started' ? [pidOfAgent(String(event['agent']))] : []));
    assert.deepEqual(takers, [victim, pair.find((one) => one.pid !== victim)!.pid]);
    await stop(...pair.filter((one) => one.pid !== victim));
  });

  test('retried once, then failed: the second agent killed too leaves the requester one answer saying so', async () => {
    const trio = [await agent({ concurrency: 1 }), await agent({ concurrency: 1 }), await agent({ concurrency: 1 })];
    const run = bot([{ jobId: 'kill2', targets: [zone.target.address], ports: '1000-60000', deadlineMs: 180_000 }]);
    const killed: number[] = [];
    for (let round = 0; round < 2; round++) {
      const started = await run.until((line) => 'event' in line && line.event['kind'] === 'started' && !killed.includes(pidOfAgent(String(line.event['agent']))));
      const pid = pidOfAgent(String('event' in started ? started.event['agent'] : ''));
      trio.find((one) => one.pid === pid)!.child.kill('SIGKILL');
      killed.push(pid);
    }
    const { code, lines } = await run.done;
    assert.equal(code, 0);
    const outcomes = outcomesOf(lines);
    assert.equal(outcomes.length, 1, 'exactly one answer');
    assert.deepEqual([outcomes[0]!.outcome['kind'], outcomes[0]!.outcome['code']], ['failed', 'agent-lost'], JSON.stringify(outcomes[0]));
    const survivor = trio.find((one) => !killed.includes(one.pid))!;
    assert.ok(!eventsOf(lines).some((event) => event['kind'] === 'started' && pidOfAgent(String(event['agent'])) === survivor.pid), 'no third run');
    await stop(survivor);
  });

  test('the only agent SIGKILLed mid-scan: the requester is told, within the bound, that it was lost', async () => {
    const worker = await agent();
    const run = bot([{ jobId: 'kill3', targets: [zone.target.address], ports: '1000-60000', deadlineMs: 180_000 }]);
    await run.until(firstProgress);
    worker.child.kill('SIGKILL');
    const { code, lines } = await run.done;
    assert.equal(code, 0);
    const outcomes = outcomesOf(lines);
    assert.equal(outcomes.length, 1);
    assert.deepEqual([outcomes[0]!.outcome['kind'], outcomes[0]!.outcome['code']], ['failed', 'agent-lost'], JSON.stringify(outcomes[0]));
  });
});
