// Zones through the scan service, with real processes only: the console and the CLI run in a
// namespace with no route to the target, PORTBOT_ZONES sends the target to its zone, a real
// `portbot agent` in the zone's namespace scans it, Redis between them. What a requester sees:
// the ports and the history, Cancel, the agent's own allowlist, an agent killed mid-scan, a zone
// with no agent, and one per-user limit shared by two bot processes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli, startCli, type RunningCli } from '../cli/run-cli.js';
import { agentLabSkipReason, createAgentLab, type AgentLab } from './agent-lab.js';
import { startAgentProcess, stopAgent, type AgentProcess, type AgentSpec } from './processes.js';

const skip = agentLabSkipReason();
const DROPPED = '1000:65535';
/** A console progress line (printed as they come when stdout is not a terminal). */
const PROGRESS = /^… Scanning/m;

describe('zones through the scan service, in a namespace lab', { skip }, () => {
  let zone: AgentLab;
  let dataDir: string;
  const agents: AgentProcess[] = [];
  before(async () => {
    zone = await createAgentLab('pbz', { tcpPorts: [22, 80], iptables: [['-A', 'INPUT', '-s', '10.231.1.1'], ['-A', 'INPUT', '-p', 'tcp', '--dport', DROPPED, '-j', 'DROP']] });
    dataDir = mkdtempSync(join(tmpdir(), 'portbot-zone-data-'));
  });
  after(async () => {
    for (const one of agents) one.child.kill('SIGKILL');
    await Promise.all(agents.map((one) => one.exited));
    zone?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const agent = async (spec: Partial<AgentSpec> = {}): Promise<AgentProcess> => {
    const started = startAgentProcess({ namespace: zone.agentNamespace, redisUrl: zone.agentRedisUrl, allowlist: '10.231.1.0/24', ...spec });
    agents.push(started);
    await started.ready;
    return started;
  };
  /** The bot's settings: `zoneName` holds the lab's target network and its names. */
  const botEnv = (zoneName = 'lab', more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PORTBOT_ZONES: `${zoneName}=10.231.1.0/24,*.zone.test`,
    PORTBOT_REDIS_URL: zone.botRedisUrl,
    PORTBOT_DATA_DIR: dataDir,
    ...more,
  });
  const console = (input: string, env: NodeJS.ProcessEnv = botEnv()): RunningCli => startCli(['console'], env, input, zone.botNamespace);
  const packetsFromAgents = (): number => {
    const line = zone.lab.exec(zone.target.namespace, 'iptables', ['-nvx', '-L', 'INPUT']).split('\n').find((row) => row.includes('10.231.1.1'));
    return Number(line?.trim().split(/\s+/)[0]);
  };
  const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;

  test("`portbot scan --save` of a name only the zone resolves: the agent's open and closed ports, then `portbot history` lists it", async () => {
    assert.throws(() => zone.lab.exec(zone.botNamespace, 'ip', ['route', 'get', zone.target.address]), 'the bot namespace has no route to the target');
    const worker = await agent();
    const scan = await runCli(['scan', 'web-1.zone.test', '22,23,80', '--json', '--save'], botEnv(), undefined, zone.botNamespace);
    assert.equal(scan.code, 0, scan.stderr);
    const report = JSON.parse(scan.stdout) as { hosts: { target: string; address: string; ports: { port: number; state: string; reason: string }[] }[] };
    const [host] = report.hosts;
    assert.deepEqual([host?.target, host?.address], ['web-1.zone.test', zone.target.address], 'the name was resolved by the agent, in its network');
    assert.deepEqual(host?.ports.map(({ port, state, reason }) => `${port}/${state}/${reason}`), ['22/open/syn-ack', '23/closed/conn-refused', '80/open/syn-ack']);
    const history = await runCli(['history', 'web-1.zone.test', '--json'], botEnv(), undefined, zone.botNamespace);
    assert.equal(history.code, 0, history.stderr);
    const scans = (JSON.parse(history.stdout) as { scans: { id: string; status: string }[] }).scans;
    assert.equal(scans.length, 1, history.stdout);
    assert.equal(scans[0]?.status, 'done');
    await stopAgent(worker);
  });

  test('the console: a zone scan answered with its ports and listed by /history; a request mixing the zone and this network is one line', async () => {
    const worker = await agent();
    const run = await console(`/scan web-1.zone.test 22,23,80\n/history web-1.zone.test\n/scan web-1.zone.test,127.0.0.1 22\n`).done;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Scan of web-1\.zone\.test$/m);
    assert.match(run.stdout, /22\/tcp\s+open\s+ssh\s+syn-ack/);
    // /history waits for the scan's record (the store may still have been opening at the answer).
    assert.match(run.stdout, /^ {2}The last (scan|\d+ scans) of web-1\.zone\.test here, newest first\./m, run.stdout);
    assert.match(run.stdout, /^ {4}[a-z0-9]{5} .* console-user 10\.231\.1\.2 {2}2 open, 1 closed$/m, "the console's zone scan is in history");
    assert.match(run.stdout, /web-1\.zone\.test is in zone lab and 127\.0\.0\.1 is scanned here: one scan runs in one place, so scan them separately/);
    await stopAgent(worker);
  });

  test("Cancel through the queue: the console stopped mid-scan gets the agent's partial result and exits 0; the agent stays idle and alive", async () => {
    const worker = await agent();
    const run = console(`/scan ${zone.target.address} 1000-60000\n`);
    await run.waitForStdout(PROGRESS);
    run.child.kill('SIGTERM');
    const done = await run.done;
    assert.equal(done.code, 0, done.stderr);
    assert.equal(count(done.stdout, /^Scan of 10\.231\.1\.2 \(cancelled\)$/m), 1, done.stdout);
    assert.equal(zone.lab.exec(zone.agentNamespace, 'ss', ['-Htn', 'state', 'syn-sent', 'dst', zone.target.address]).trim(), '', 'the agent stopped its scan');
    assert.equal(worker.child.exitCode, null);
    await stopAgent(worker);
  });

  test("the agent's own allowlist refuses a target the bot's zone includes: the requester reads why, and no packet reaches the target", async () => {
    const guard = await agent({ zone: 'guarded', allowlist: '10.231.9.0/24' });
    const before = packetsFromAgents();
    const run = await console(`/scan ${zone.target.address} 22,80\n`, botEnv('guarded')).done;
    assert.equal(run.code, 0, run.stderr);
    assert.equal(count(run.stdout, /^Scan refused$/m), 1, run.stdout);
    assert.match(run.stdout, /zone guarded's agent: .*10\.231\.1\.2.*PORTBOT_ALLOWLIST/);
    assert.equal(packetsFromAgents(), before, 'not one packet from the agent side reached the target');
    await stopAgent(guard);
  });

  test('the agent SIGKILLed mid-scan: the requester gets exactly one answer saying it was lost, and the console exits', async () => {
    // A zone of its own: this agent is the only one that could take the job.
    const worker = await agent({ zone: 'lost' });
    const run = console(`/scan ${zone.target.address} 1000-60000\n`, botEnv('lost'));
    await run.waitForStdout(PROGRESS);
    assert.equal(zone.redis.cli('KEYS', 'portbot:zone:lost:agent:*').trim().split('\n').length, 1, 'one live agent in the zone');
    worker.child.kill('SIGKILL');
    const done = await run.done;
    assert.equal(done.code, 0, done.stderr);
    assert.equal(count(done.stdout, /^Scan not done$/m), 1, done.stdout);
    assert.match(done.stdout, /stopped answering and no other agent of zone lost is alive/);
    assert.doesNotMatch(done.stdout, /^Scan of /m);
  });

  test('a zone with no agent: an answer saying so, at once, from the console and from the CLI', async () => {
    const run = await console(`/scan ${zone.target.address} 22\n`, botEnv('empty')).done;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Scan not done\n {2}No agent of zone empty is running: start `portbot agent --zone empty` in that network\.$/m);
    const cli = await runCli(['scan', 'web-1.zone.test', '22'], botEnv('empty'), undefined, zone.botNamespace);
    assert.equal(cli.code, 1);
    assert.equal(cli.stderr, 'portbot: no agent of zone empty is running: start `portbot agent --zone empty` in that network (no-agent)\n');
  });

  test('two bot processes on one Redis enforce one per-user limit: the second is refused while the first scans', async () => {
    const worker = await agent();
    const limits = { PORTBOT_CONCURRENT_SCANS_PER_USER: '1' };
    const first = console(`/scan ${zone.target.address} 1000-60000\n`, botEnv('lab', limits));
    await first.waitForStdout(PROGRESS);
    const otherData = mkdtempSync(join(tmpdir(), 'portbot-zone-data-'));
    try {
      const second = await console(`/scan web-1.zone.test 22\n`, botEnv('lab', { ...limits, PORTBOT_DATA_DIR: otherData })).done;
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /^Scan refused\n {2}You already have 1 scan running \(PORTBOT_CONCURRENT_SCANS_PER_USER\)/im);
    } finally {
      rmSync(otherData, { recursive: true, force: true });
    }
    first.child.kill('SIGTERM');
    assert.equal((await first.done).code, 0);
    await stopAgent(worker);
  });

  test('PORTBOT_ZONES without PORTBOT_REDIS_URL: exit 2 and one line, whatever the command', async () => {
    for (const args of [['scan', '127.0.0.1', '22'], ['console']]) {
      const run = await runCli(args, { PORTBOT_ZONES: 'dmz=10.1.0.0/16' }, '');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^portbot: invalid configuration: PORTBOT_ZONES names zones but PORTBOT_REDIS_URL is not set: .+\n$/);
    }
  });
});
