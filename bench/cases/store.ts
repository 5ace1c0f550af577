// The history store on both backends (embedded PGlite, and a real PostgreSQL when installed):
//  - recording a full-range (65,535-port) result, as a ratio to the full-range loopback scan that
//    produced it (portbot's CLI in a lab namespace; its time is in the table's "nmap" column);
//  - history(target) and the diff of a target's two newest scans with 100,000 scans of 1,000
//    targets stored: p99 latency against the 100 ms aim (the aim stands in the "nmap" column).
// Opening times (a new store, a reopen) are in the notes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labSkipReason, startListeners } from '../../test/lab/lab.js';
import { postgresSkipReason, startPostgres, type PostgresServer } from '../../test/store/postgres-server.js';
import { diffResults } from '../../src/report/scan-diff.js';
import { openStore, type RecordableReport, type Store, type StoreLocation } from '../../src/store/index.js';
import { median, type BenchCase, type BenchContext, type BenchRow } from '../case.js';
import { runPortbot } from '../tools.js';
import { scopeOfTarget, seedHistory, targetName } from '../store-seed.js';

const SCANS = 100_000;
const TARGETS = 1_000;
const QUERIES = 1_000;
const AIM_MS = 100;

interface Backend {
  readonly label: string;
  fresh(name: string): Promise<StoreLocation>;
  dispose(): void;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const p99 = (samples: readonly number[]): number => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.99) - 1]!;

async function open(location: StoreLocation): Promise<{ store: Store; ms: number }> {
  const started = performance.now();
  const opened = await openStore(location);
  if (!opened.ok) throw new Error(opened.error.message);
  return { store: opened.value, ms: performance.now() - started };
}

function embeddedBackend(): Backend {
  const dirs: string[] = [];
  return {
    label: 'embedded',
    fresh: () => {
      const dir = mkdtempSync(join(tmpdir(), 'portbot-bench-store-'));
      dirs.push(dir);
      return Promise.resolve({ kind: 'embedded', dataDir: dir });
    },
    dispose: () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}

async function postgresBackend(): Promise<Backend> {
  const server: PostgresServer = await startPostgres({ durable: true });
  return { label: 'PostgreSQL', fresh: async (name) => ({ kind: 'postgres', url: await server.createDatabase(name) }), dispose: () => server.stop() };
}

/** Full-range loopback scans by the CLI in a lab namespace: their times and results. */
async function fullRangeScans(context: BenchContext): Promise<{ ms: number; report: RecordableReport }[]> {
  const lab = await context.lab('pbs', []);
  await startListeners(lab, { name: 'scanner', namespace: lab.scanner, address: '127.0.0.1' }, { tcpPorts: [22, 80, 443] });
  const scans = [];
  for (let run = 0; run < context.runs; run++) {
    const scanned = await runPortbot(context, lab.scanner, '127.0.0.1', 'all');
    scans.push({ ms: scanned.ms, report: { hosts: scanned.report.hosts, durationMs: scanned.ms, cancelled: false } });
  }
  return scans;
}

async function recordingRow(backend: Backend, scans: readonly { ms: number; report: RecordableReport }[]): Promise<BenchRow> {
  const location = await backend.fresh('record');
  const first = await open(location);
  await first.store.close();
  const { store, ms: reopenMs } = await open(location);
  const recordMs: number[] = [];
  let correct = true;
  try {
    for (const { report } of scans) {
      const started = performance.now();
      const job = await store.createJob({ requester: { platform: 'cli', workspaceId: '', channelId: '', userId: 'bench' }, visibility: 'channel', request: { targets: ['127.0.0.1'], ports: 'all', protocol: 'tcp' } });
      await store.markRunning(job.id, 65535);
      const done = await store.finishJob(job.id, report);
      recordMs.push(performance.now() - started);
      correct &&= done.progress.done === 65535 && done.summary?.open === 3;
    }
  } finally {
    await store.close();
  }
  return {
    name: `record 65,535 ports vs the scan, ${backend.label}`,
    kind: 'ratio',
    aim: 0.1,
    portbot: recordMs,
    nmap: scans.map((scan) => scan.ms),
    correct,
    note: `"nmap" column: portbot's full-range loopback scan; open: new ${seconds(first.ms)}, reopen ${seconds(reopenMs)}`,
  };
}

async function latencyRows(backend: Backend): Promise<BenchRow[]> {
  const location = await backend.fresh('history');
  const seedStarted = performance.now();
  await seedHistory(location, SCANS, TARGETS);
  const seedMs = performance.now() - seedStarted;
  const { store, ms: openMs } = await open(location);
  const history: number[] = [];
  const diff: number[] = [];
  let correct = true;
  try {
    for (let query = 0; query < QUERIES + 20; query++) {
      const target = Math.floor(Math.random() * TARGETS);
      const scope = scopeOfTarget(target);
      let started = performance.now();
      const entries = await store.history(targetName(target), scope, 10);
      const historyMs = performance.now() - started;
      started = performance.now();
      const [newer, older] = await store.latestResults(targetName(target), scope);
      const changes = diffResults(older!, newer!).changes;
      const diffMs = performance.now() - started;
      correct &&= entries.length === 10 && changes.length === 2;
      if (query < 20) continue; // warm-up: the first queries load pages and plans
      history.push(historyMs);
      diff.push(diffMs);
    }
  } finally {
    await store.close();
  }
  const where = `${SCANS.toLocaleString('en')} scans of ${TARGETS.toLocaleString('en')} targets (seeded in ${seconds(seedMs)}, opened in ${seconds(openMs)})`;
  const row = (name: string, samples: number[]): BenchRow => ({
    name: `${name} p99, ${backend.label}`,
    kind: 'ratio',
    aim: 1,
    portbot: [p99(samples)],
    nmap: [AIM_MS],
    correct,
    note: `median ${median(samples).toFixed(1)} ms, p99 ${p99(samples).toFixed(1)} ms of ${String(samples.length)} queries over ${where}; "nmap" column: the aim`,
  });
  return [row('history(target)', history), row('diff(latest two)', diff)];
}

export const benchCases: BenchCase[] = [
  {
    name: 'store',
    skipReason: () => undefined,
    async run(context): Promise<BenchRow[]> {
      const backends = [embeddedBackend()];
      const noPostgres = postgresSkipReason();
      if (noPostgres === undefined) backends.push(await postgresBackend());
      else process.stderr.write(`  store: PostgreSQL rows skipped (${noPostgres})\n`);
      const noLab = labSkipReason();
      if (noLab !== undefined) process.stderr.write(`  store: recording rows skipped (${noLab})\n`);
      const rows: BenchRow[] = [];
      try {
        const scans = noLab === undefined ? await fullRangeScans(context) : [];
        for (const backend of backends) {
          if (scans.length > 0) rows.push(await recordingRow(backend, scans));
          rows.push(...(await latencyRows(backend)));
        }
      } finally {
        for (const backend of backends) backend.dispose();
      }
      return rows;
    },
  },
];
