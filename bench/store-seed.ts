// Seeds a store with a large history for the store benchmark: `jobs` finished scans spread over
// `targets` targets and ten Slack channels, each a common-ports scan (1-1024) of one host with a
// few open ports that vary from scan to scan, written through the real schema in bulk (through
// the Store API, 100,000 scans would take longer than the whole benchmark).
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { sheetsOf } from '../src/store/port-sheet.js';
import { asDatabase, type Database } from '../src/store/database.js';
import { pgliteDir, pgliteStartParams } from '../src/store/embedded-store.js';
import { migrate } from '../src/store/migrate.js';
import { readMigrations } from '../src/store/migrations-folder.js';
import { jobHosts, jobNames, jobs } from '../src/store/schema.js';
import type { StoreLocation } from '../src/store/open-store.js';
import type { PortResult } from '../src/scanner/types.js';
import type { Scope } from '../src/store/types.js';

const BATCH = 1000;
const HOUR_MS = 3_600_000;
const COMMON = Array.from({ length: 1024 }, (_, index) => index + 1);

export const targetName = (index: number): string => `host-${String(index)}.bench.test`;
const channelOf = (target: number): string => `C${String(target % 10)}`;

/** Where target `index` was scanned: the reader the benchmark queries as. */
export const scopeOfTarget = (index: number): Scope => ({ kind: 'chat', platform: 'slack', workspaceId: 'T1', channelId: channelOf(index), userId: 'U1' });

/** Open: 22, 80, 443 and one of 1000-1023 that moves on with each scan of a target (two changes per diff). */
function sheetsFor(scan: number, targets: number): ReturnType<typeof sheetsOf> {
  const open = new Set([22, 80, 443, 1000 + (Math.floor(scan / targets) % 24)]);
  const ports: PortResult[] = COMMON.map((port) =>
    open.has(port)
      ? { port, protocol: 'tcp', state: 'open', reason: 'syn-ack', service: null, rttMs: 0.2 }
      : { port, protocol: 'tcp', state: 'closed', reason: 'conn-refused', service: null, rttMs: 0.1 },
  );
  return sheetsOf(ports);
}

async function seedInto(db: Database, count: number, targets: number): Promise<void> {
  await migrate(db, readMigrations());
  const start = Date.now() - count * HOUR_MS;
  for (let first = 0; first < count; first += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - first) }, (_, offset) => {
      const scan = first + offset;
      const target = scan % targets;
      const at = new Date(start + scan * HOUR_MS);
      return { scan, target, at, id: `b${scan.toString(32).padStart(5, '0')}` };
    });
    await db.transaction(async (tx) => {
      await tx.insert(jobs).values(
        rows.map(({ target, at, id }) => ({
          id,
          platform: 'slack' as const,
          workspaceId: 'T1',
          channelId: channelOf(target),
          userId: 'U1',
          visibility: 'channel' as const,
          targets: [targetName(target)],
          ports: 'common',
          protocol: 'tcp' as const,
          status: 'done' as const,
          progressDone: 1024,
          progressTotal: 1024,
          progressOpen: 4,
          createdAt: at,
          startedAt: at,
          finishedAt: new Date(at.getTime() + 900),
          summary: { open: 4, closed: 1020 },
          durationMs: 900,
          ownerInstance: 'seed',
        })),
      );
      await tx.insert(jobHosts).values(
        rows.map(({ scan, target, id }) => ({ jobId: id, position: 0, target: targetName(target), address: `10.${String(target >> 8)}.${String(target & 255)}.1`, summary: { open: 4, closed: 1020 }, sheets: sheetsFor(scan, targets) })),
      );
      await tx.insert(jobNames).values(rows.flatMap(({ target, id }) => [{ name: targetName(target), jobId: id }, { name: `10.${String(target >> 8)}.${String(target & 255)}.1`, jobId: id }]));
    });
  }
}

/** Seeds the location directly (before any store opens it: the embedded one is not locked yet). */
export async function seedHistory(location: StoreLocation, count: number, targets: number): Promise<void> {
  if (location.kind === 'embedded') {
    const [{ PGlite: Client }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
    const client: PGlite = await Client.create(pgliteDir(location.dataDir), { startParams: pgliteStartParams(Client.defaultStartParams) });
    try {
      await seedInto(asDatabase(drizzle({ client })), count, targets);
    } finally {
      await client.close();
    }
    return;
  }
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool: Pool = new pg.Pool({ connectionString: location.url, max: 1 });
  try {
    await seedInto(asDatabase(drizzle({ client: pool })), count, targets);
  } finally {
    await pool.end();
  }
}
