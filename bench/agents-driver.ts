// The agents benchmark's measuring process, run inside a lab namespace (bench/cases/agents.ts):
//   node agents-driver.js local <target> <ports> <runs>
//       the scan through the bot's scan service, in-process (policy, then scanner), timed `runs` times;
//   node agents-driver.js queue <redisUrl> <target> <ports> <runs>
//       the same scan through the scan service to the zone's queue (QueueExecutor -> Redis -> agent -> Redis), one at a time;
//   node agents-driver.js burst <redisUrl> <target> <ports> <jobs>
//       `jobs` scans queued at once, timed until the last answer.
// Prints one JSON line: { "samples": [ms, ...], "correct": boolean, "note": string }.
import { buildScanService } from '../src/cli/compose.js';
import { loadConfig } from '../src/config.js';
import { silentLog } from '../src/log.js';
import type { JobOutcome } from '../src/scan/index.js';
import type { ScanReport } from '../src/scanner/types.js';

const [mode = '', ...args] = process.argv.slice(2);
/** The lab host's listeners: open on 22 and 80, 23 closed. */
const right = (report: ScanReport): boolean =>
  [...(report.hosts[0]?.ports ?? [])].map((port) => `${port.port}/${port.state}`).join() === '22/open,23/closed,80/open';
const outcomeRight = (outcome: JobOutcome): boolean => outcome.kind === 'report' && right(outcome.report);

/**
 * The bot's own scan service as the composition root builds it (policy, router, executors), not
 * recording: `redisUrl` given, the target is a zone's (PORTBOT_ZONES) and goes through the queue;
 * otherwise it is scanned here. Limits high enough that only the scans are measured.
 */
async function measured(target: string, ports: string, count: number, together: boolean, redisUrl?: string): Promise<{ samples: number[]; correct: boolean }> {
  const zone = redisUrl === undefined ? { PORTBOT_ALLOWLIST: target } : { PORTBOT_ZONES: `bench=${target}`, PORTBOT_REDIS_URL: redisUrl };
  const config = loadConfig({ ...zone, PORTBOT_CONCURRENT_SCANS_PER_USER: '1000' });
  const service = buildScanService({ config, audit: { record: () => undefined }, logger: silentLog, loopbackWhenUnconfigured: false });
  const requester = { platform: 'console' as const, userId: 'bench' };
  const submit = (): Promise<JobOutcome> => service.submit({ targets: target, ports, udp: false, text: `scan ${target} ${ports}` }, { requester, visibility: 'channel' }).outcome;
  try {
    // The first two runs warm up (module loading, JIT, the queue's connections).
    for (let warm = 0; warm < 2; warm++) await submit();
    if (together) {
      const started = performance.now();
      const outcomes = await Promise.all(Array.from({ length: count }, submit));
      return { samples: [performance.now() - started], correct: outcomes.every(outcomeRight) };
    }
    const samples: number[] = [];
    let correct = true;
    for (let run = 0; run < count; run++) {
      const started = performance.now();
      const outcome = await submit();
      samples.push(performance.now() - started);
      correct &&= outcomeRight(outcome);
    }
    return { samples, correct };
  } finally {
    await service.drain();
    await service.close();
  }
}

const result =
  mode === 'local'
    ? await measured(args[0]!, args[1]!, Number(args[2]), false)
    : await measured(args[1]!, args[2]!, Number(args[3]), mode === 'burst', args[0]);
process.stdout.write(`${JSON.stringify(result)}\n`);
