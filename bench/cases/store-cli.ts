// History through the real CLI, as an operator records scans: `portbot scan 127.0.0.1 all --json
// --save` against the same scan without --save, on both stores (the store already created, as it
// is after a bot's first start), alternating run by run. The "nmap" column holds the plain scan:
// the ratio is what --save costs (the store opens beside the scan, the result is written after
// it). Peak memory of both is in the notes. Loopback of this machine, three listeners of our own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPort, type Listener } from '../../test/commands/loopback.js';
import { postgresSkipReason, startPostgres, type PostgresServer } from '../../test/store/postgres-server.js';
import { median, type BenchCase, type BenchContext, type BenchRow } from '../case.js';
import { timedRun, type TimedRun } from '../timed-process.js';

interface Backend {
  readonly label: string;
  readonly env: Record<string, string>;
  dispose(): void;
}

async function scanOnce(context: BenchContext, env: Record<string, string>, save: boolean): Promise<TimedRun & { open: number; saved: boolean }> {
  const run = await timedRun([...context.portbotCommand, 'scan', '127.0.0.1', 'all', '--json', ...(save ? ['--save'] : [])], { env: { PORTBOT_ALLOWLIST: '127.0.0.1', ...env } });
  if (run.exitCode !== 0) throw new Error(`portbot scan${save ? ' --save' : ''} exited with ${String(run.exitCode)}`);
  const report = JSON.parse(run.stdout) as { hosts: { summary: { open?: number } }[] };
  return { ...run, open: report.hosts[0]?.summary.open ?? 0, saved: save };
}

async function historyCount(context: BenchContext, env: Record<string, string>): Promise<number> {
  const run = await timedRun([...context.portbotCommand, 'history', '127.0.0.1', '--json'], { env });
  return (JSON.parse(run.stdout) as { scans: unknown[] }).scans.length;
}

async function row(context: BenchContext, backend: Backend, listeners: readonly Listener[]): Promise<BenchRow> {
  await scanOnce(context, backend.env, true); // creates the store: a bot's first start does this once
  const plain: TimedRun[] = [];
  const saved: TimedRun[] = [];
  let correct = true;
  for (let run = 0; run < context.runs; run++) {
    for (const save of run % 2 === 0 ? [false, true] : [true, false]) {
      const scanned = await scanOnce(context, backend.env, save);
      (save ? saved : plain).push(scanned);
      correct &&= scanned.open >= listeners.length;
    }
  }
  correct &&= (await historyCount(context, backend.env)) === Math.min(20, context.runs + 1);
  const mb = (runs: readonly TimedRun[]): string => `${median(runs.map((run) => run.maxRssMb)).toFixed(0)} MB`;
  return {
    name: `scan all --save vs without, ${backend.label}`,
    kind: 'ratio',
    aim: 1.5,
    portbot: saved.map((run) => run.ms),
    nmap: plain.map((run) => run.ms),
    correct,
    note: `"nmap" column: the same CLI scan without --save; peak RSS ${mb(saved)} with --save, ${mb(plain)} without; +${(median(saved.map((run) => run.ms)) - median(plain.map((run) => run.ms))).toFixed(0)} ms`,
  };
}

function embedded(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'portbot-bench-cli-'));
  return { label: 'embedded', env: { PORTBOT_DATA_DIR: join(dir, 'data') }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgres(): Promise<Backend> {
  const server: PostgresServer = await startPostgres({ durable: true });
  return { label: 'PostgreSQL', env: { PORTBOT_DATABASE_URL: await server.createDatabase('cli') }, dispose: () => server.stop() };
}

export const benchCases: BenchCase[] = [
  {
    name: 'store-cli',
    skipReason: () => undefined,
    async run(context): Promise<BenchRow[]> {
      const listeners = await Promise.all([openPort(), openPort(), openPort()]);
      const backends = [embedded()];
      const noPostgres = postgresSkipReason();
      if (noPostgres === undefined) backends.push(await postgres());
      else process.stderr.write(`  store-cli: PostgreSQL row skipped (${noPostgres})\n`);
      try {
        const rows: BenchRow[] = [];
        for (const backend of backends) rows.push(await row(context, backend, listeners));
        return rows;
      } finally {
        for (const backend of backends) backend.dispose();
        await Promise.all(listeners.map((listener) => listener.close()));
      }
    },
  },
];
