// The embedded store in its own thread, as every portbot process opens it: a real full-range scan
// (its ports a lazy list) recorded and read back port for port, the store's errors arriving with
// their codes, a second process's open refused with the lock's line, and this thread left free to
// run scans while a new store is created (PGlite stalled it for seconds when it ran here).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PortbotError } from '../../src/errors.js';
import { scan } from '../../src/scanner/scan.js';
import { OPERATOR_SCOPE, SheetReader, type Store } from '../../src/store/index.js';
import { openThreadedStore } from '../../src/store/threaded-store.js';
import { openPort } from '../commands/loopback.js';
import { newJob } from './fixtures.js';

const dirs: string[] = [];
const newDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'portbot-threaded-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function openIn(dataDir: string): Promise<Store> {
  const opened = await openThreadedStore({ kind: 'embedded', dataDir });
  if (!opened.ok) assert.fail(opened.error.message);
  return opened.value;
}

test('creating a new store leaves this thread free: its timers keep firing the whole time', async () => {
  let longestGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  const store = await openIn(newDir());
  const took = performance.now() - started;
  clearInterval(ticker);
  await store.close();
  // In this thread, creating the store was one stall of nearly the whole time (8.2 s of 8.8 s).
  assert.ok(longestGap < took / 2, `the longest stall was ${longestGap.toFixed(0)} ms of ${took.toFixed(0)} ms`);
});

test('a full-range scan crosses to the thread and reads back port for port; errors keep their codes', async () => {
  const listener = await openPort();
  const store = await openIn(newDir());
  try {
    const report = await scan([{ target: 'localhost', address: '127.0.0.1', family: 4 }], Array.from({ length: 65535 }, (_, index) => ({ port: index + 1, protocol: 'tcp' as const })));
    const job = await store.createJob(newJob(['localhost']));
    await store.markRunning(job.id, 65535);
    const done = await store.finishJob(job.id, report);
    assert.equal(done.status, 'done');
    assert.equal(done.summary?.['open'], report.hosts[0]!.summary.open);
    const stored = await store.result(job.id, OPERATOR_SCOPE);
    const read = [...new SheetReader(stored!.hosts[0]!.sheets.tcp!).ports()].map(({ port, state, reason }) => `${port}/${state}/${reason}`);
    assert.deepEqual(read, [...report.hosts[0]!.ports].map(({ port, state, reason }) => `${port}/${state}/${reason}`));
    assert.ok(read.includes(`${listener.port}/open/syn-ack`));
    await assert.rejects(store.finishJob(job.id, report), (error: unknown) => error instanceof PortbotError && error.code === 'store-job-not-active');
  } finally {
    await store.close();
    await listener.close();
  }
  await assert.rejects(store.history('localhost', OPERATOR_SCOPE), /the history store is closed/);
});

test('a second open of the same directory is refused with the lock line, and the first store still works', async () => {
  const dataDir = newDir();
  const first = await openIn(dataDir);
  try {
    const second = await openThreadedStore({ kind: 'embedded', dataDir });
    assert.equal(second.ok ? 'opened' : second.error.code, 'store-locked');
    assert.deepEqual(await first.history('nothing.example.test', OPERATOR_SCOPE), []);
  } finally {
    await first.close();
  }
});
