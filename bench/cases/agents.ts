// Scanner agents (docs/agents.md), in a namespace lab with a real redis-server and real
// `portbot agent` processes; no nmap here, so the "nmap" column holds the comparison:
//  - a small scan (3 ports of a lab host: 22 and 80 open, 23 closed) through the bot's scan service
//    to the zone's queue (QueueExecutor),
//    from the bot's namespace, against the same scan in-process in the agent's network (the bot's
//    own path: policy, then scanner), one at a time: the ratio is the latency the queue adds;
//  - many small scans queued at once with 1 agent (time against an aim of 50 scans/s), and with 2
//    and 4 agents against the time with 1 (the ratio is the speed-up); scans per second in the note.
import { fileURLToPath } from 'node:url';
import { agentLabSkipReason, createAgentLab, type AgentLab } from '../../test/remote/agent-lab.js';
import { startAgentProcess, type AgentProcess } from '../../test/remote/processes.js';
import { median, type BenchCase, type BenchContext, type BenchRow } from '../case.js';
import { timedRun } from '../timed-process.js';

const PORTS = '22,23,80';
const BURST = 100;
const DRIVER = fileURLToPath(new URL('../agents-driver.js', import.meta.url));

interface Driven {
  readonly samples: number[];
  readonly correct: boolean;
}

async function drive(namespace: string, args: readonly string[]): Promise<Driven> {
  const run = await timedRun([process.execPath, DRIVER, ...args], { namespace });
  if (run.exitCode !== 0) throw new Error(`agents driver ${args[0] ?? ''} exited with ${String(run.exitCode)}`);
  return JSON.parse(run.stdout) as Driven;
}

async function withAgents<T>(context: BenchContext, zone: AgentLab, count: number, work: () => Promise<T>): Promise<T> {
  const agents: AgentProcess[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const agent = startAgentProcess({ namespace: zone.agentNamespace, zone: 'bench', redisUrl: zone.agentRedisUrl, allowlist: zone.target.address, concurrency: 1, entry: context.portbotCommand.at(-1)! });
      agents.push(agent);
      await agent.ready;
    }
    return await work();
  } finally {
    for (const agent of agents) agent.child.kill('SIGTERM');
    await Promise.all(agents.map((agent) => agent.exited));
  }
}

export const benchCases: BenchCase[] = [
  {
    name: 'agents',
    skipReason: agentLabSkipReason,
    async run(context): Promise<BenchRow[]> {
      const zone = await createAgentLab('pbb', { tcpPorts: [22, 80] });
      try {
        const target = zone.target.address;
        const runs = Math.max(context.runs * 4, 20);
        const local = await drive(zone.agentNamespace, ['local', target, PORTS, String(runs)]);
        const queued = await withAgents(context, zone, 1, () => drive(zone.botNamespace, ['queue', zone.botRedisUrl, target, PORTS, String(runs)]));
        const added = median(queued.samples) - median(local.samples);
        const rows: BenchRow[] = [
          {
            name: `3 ports of a lab host through the queue (bot namespace -> Redis -> agent) vs in-process (${runs} scans each)`,
            kind: 'ratio',
            aim: 10,
            portbot: queued.samples,
            nmap: local.samples,
            correct: queued.correct && local.correct,
            note: `the queue adds ${added.toFixed(1)} ms a scan (in-process: ${median(local.samples).toFixed(1)} ms)`,
          },
        ];
        const bursts = new Map<number, number[]>();
        let correct = true;
        for (const agents of [1, 2, 4]) {
          const samples: number[] = [];
          for (let run = 0; run < context.runs; run++) {
            const burst = await withAgents(context, zone, agents, () => drive(zone.botNamespace, ['burst', zone.botRedisUrl, target, PORTS, String(BURST)]));
            samples.push(...burst.samples);
            correct &&= burst.correct;
          }
          bursts.set(agents, samples);
        }
        const one = bursts.get(1)!;
        const rate = (samples: readonly number[]): string => `${((BURST * 1000) / median(samples)).toFixed(0)} scans/s`;
        rows.push({ name: `${BURST} such scans queued at once, 1 agent (one job at a time)`, kind: 'milliseconds', aim: BURST * 20, portbot: one, nmap: [], correct, note: `${rate(one)}; aim: 50 scans/s` });
        for (const agents of [2, 4]) {
          const samples = bursts.get(agents)!;
          rows.push({
            name: `the same with ${agents} agents (one job each at a time) vs 1 agent`,
            kind: 'ratio',
            // Agents scale across machines and networks; here every agent shares the same 2 cores
            // with Redis and the bot, and a small scan is CPU work (a ping started beside it,
            // BullMQ's scripts), so more agents cannot be much faster: the aims guard against collapse.
            aim: agents === 2 ? 1.25 : 2.0,
            portbot: samples,
            nmap: one,
            correct,
            note: rate(samples),
          });
        }
        return rows;
      } finally {
        zone.destroy();
      }
    },
  },
];
