// PGlite does not lock its directory, and two processes writing one PostgreSQL data directory
// corrupt it. The embedded store therefore holds `portbot.lock` (pid, host, the process start, a nonce) while open,
// created with O_EXCL. A lock whose process is gone is taken over; the takeover itself runs under
// a second O_EXCL file so that two processes finding the same stale lock cannot both win.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { err, ok, type Result } from '../result.js';
import { isProcessAlive, processHost } from './process-host.js';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly nonce: string;
  /** When the holding process started (epoch ms): tells another thread of it from a process that reused its PID. */
  readonly startedAt?: number;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** Why the lock was not taken: another live process holds it. */
export interface LockRefusal {
  readonly holder: LockHolder;
  readonly path: string;
}

const LOCK_FILE = 'portbot.lock';
/** Locks this thread holds. A lock naming our own PID but not in here is another thread of this process (same start) or a previous process that had the same PID (PID 1 in a container). */
const heldHere = new Set<string>();
/** The process's start, the same in every thread; two processes with one PID start further apart than this. */
const processStartedAt = (): number => Math.round(Date.now() - process.uptime() * 1000);
const SAME_START_MS = 2_000;
/** A takeover guard older than this belongs to a process that died inside the takeover (which lasts microseconds). */
const STALE_GUARD_MS = 10_000;
const ATTEMPTS = 50;
/** Between attempts while another process is inside its takeover. */
const RETRY_MS = 20;

export async function acquireDataDirLock(dataDir: string): Promise<Result<DataDirLock, LockRefusal>> {
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: processHost(), nonce: randomUUID(), startedAt: processStartedAt() };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(path, me)) {
      heldHere.add(path);
      return ok({ path, release: () => releaseIfMine(path, me) });
    }
    const holder = readHolder(path);
    if (holder !== undefined && isLive(holder, me, path)) return err({ holder, path });
    // Vanished, half-written, or stale: take it over, or wait while another process does.
    if (holder === undefined || !takeOverStale(path, holder)) await sleep(RETRY_MS);
  }
  // Only a pathological race ends here; report whoever holds it now.
  return err({ holder: readHolder(path) ?? { pid: 0, host: '?', nonce: '' }, path });
}

function isLive(holder: LockHolder, me: LockHolder, path: string): boolean {
  if (holder.host !== me.host) return true; // another machine's PID cannot be checked from here
  if (holder.pid === me.pid) return heldHere.has(path) || (holder.startedAt !== undefined && me.startedAt !== undefined && Math.abs(holder.startedAt - me.startedAt) < SAME_START_MS);
  return isProcessAlive(holder.pid);
}

function createExclusive(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.nonce === 'string') {
      return { pid: parsed.pid, host: parsed.host, nonce: parsed.nonce, ...(typeof parsed.startedAt === 'number' ? { startedAt: parsed.startedAt } : {}) };
    }
  } catch {
    // missing, or written by a process killed between create and write: treated below
  }
  if (isOldEmptyLock(path)) rmSync(path, { force: true });
  return undefined;
}

/** A lock file that never got its content (its writer died between create and write). */
function isOldEmptyLock(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.size === 0 && Date.now() - stat.mtimeMs > STALE_GUARD_MS;
  } catch {
    return false;
  }
}

/** Removes the stale lock only if it is still the one judged stale, under the takeover guard; false while another process holds the guard. */
function takeOverStale(path: string, stale: LockHolder): boolean {
  const guard = `${path}.takeover`;
  if (!createExclusive(guard, stale)) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > STALE_GUARD_MS) rmSync(guard, { force: true });
    } catch {
      // the other process finished its takeover
    }
    return false;
  }
  try {
    if (readHolder(path)?.nonce === stale.nonce) rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return true;
}

function releaseIfMine(path: string, me: LockHolder): void {
  heldHere.delete(path);
  if (readHolder(path)?.nonce === me.nonce) rmSync(path, { force: true });
}
