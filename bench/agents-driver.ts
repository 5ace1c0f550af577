// The agents benchmark's measuring process, run inside a lab namespace (bench/cases/agents.ts):
//   node agents-driver.js local <target> <ports> <runs>
//       the scan as the bot runs it in-process (policy, then scanner), timed `runs` times;
//   node agents-driver.js queue <redisUrl> <target> <ports> <runs>
//       the same scan through the zone's queue (client -> Redis -> agent -> Redis -> client), one at a time;
//   node agents-driver.js burst <redisUrl> <target> <ports> <jobs>
//       `jobs` scans queued at once, timed until the last answer.
// Prints one JSON line: { "samples": [ms, ...], "correct": boolean, "note": string }.
import { loadConfig } from '../src/config.js';
import { createScanPolicy } from '../src/policy/index.js';
import { createQueueClient, type RemoteOutcome } from '../src/remote/queue-client.js';
import { parsePortSpec } from '../src/request/ports.js';
import { scan } from '../src/scanner/scan.js';
import type { ScanReport } from '../src/scanner/types.js';

const [mode = '', ...args] = process.argv.slice(2);
/** The lab host's listeners: open on 22 and 80, 23 closed. */
const right = (report: ScanReport): boolean =>
  [...(report.hosts[0]?.ports ?? [])].map((port) => `${port.port}/${port.state}`).join() === '22/open,23/closed,80/open';
const outcomeRight = (outcome: RemoteOutcome): boolean => outcome.kind === 'result' && right(outcome.report);
let sequence = 0;
const jobId = (): string => `b${process.pid.toString(36)}x${(sequence++).toString(36)}`;

async function local(target: string, ports: string, runs: number): Promise<{ samples: number[]; correct: boolean }> {
  const policy = createScanPolicy(loadConfig({ PORTBOT_ALLOWLIST: target }), { loopbackWhenUnconfigured: false });
  const probes = parsePortSpec(ports);
  if (!probes.ok) throw new Error(probes.error.message);
  const samples: number[] = [];
  let correct = true;
  for (let run = 0; run < runs + 2; run++) {
    const started = performance.now();
    const grant = await policy.authoriseScan({ platform: 'console', userId: 'bench' }, target, probes.value);
    if (!grant.ok) throw new Error(grant.error.message);
    const report = await scan(grant.value.addresses, probes.value);
    grant.value.release();
    // The first two runs warm up (module loading, JIT), as the queue's first runs open connections.
    if (run >= 2) samples.push(performance.now() - started);
    correct &&= right(report);
  }
  return { samples, correct };
}

async function queued(redisUrl: string, target: string, ports: string, count: number, together: boolean): Promise<{ samples: number[]; correct: boolean }> {
  const client = createQueueClient({ redisUrl });
  const job = (): Parameters<typeof client.submit>[1] => ({
    jobId: jobId(),
    targets: [target],
    ports,
    protocol: 'tcp',
    options: { services: false, allHosts: false },
    requester: { platform: 'console', userId: 'bench' },
    deadline: Date.now() + 120_000,
  });
  try {
    for (let warm = 0; warm < 2; warm++) await client.submit('bench', job()).outcome;
    if (together) {
      const started = performance.now();
      const outcomes = await Promise.all(Array.from({ length: count }, () => client.submit('bench', job()).outcome));
      return { samples: [performance.now() - started], correct: outcomes.every(outcomeRight) };
    }
    const samples: number[] = [];
    let correct = true;
    for (let run = 0; run < count; run++) {
      const started = performance.now();
      const outcome = await client.submit('bench', job()).outcome;
      samples.push(performance.now() - started);
      correct &&= outcomeRight(outcome);
    }
    return { samples, correct };
  } finally {
    await client.close();
  }
}

const result =
  mode === 'local'
    ? await local(args[0]!, args[1]!, Number(args[2]))
    : await queued(args[0]!, args[1]!, args[2]!, Number(args[3]), mode === 'burst');
process.stdout.write(`${JSON.stringify(result)}\n`);
