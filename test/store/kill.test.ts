// Nothing is lost when a process dies mid-write: a child records large results one after another
// and is SIGKILLed at a random point inside finishJob, several times, on both stores. Each time the
// store opens again, every earlier job is complete, and the job being written is either fully
// recorded (every port of every host as written) or still running, which the next start marks
// interrupted. The kill point is random; what the test checks holds wherever it lands.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, test, type TestContext } from 'node:test';
import { OPERATOR_SCOPE, openStore, sheetsOf, type Store, type StoreLocation } from '../../src/store/index.js';
import { bigReport } from './fixtures.js';
import { postgresSkipReason, startPostgres } from './postgres-server.js';
import { StoreChild } from './store-process.js';

const ROUNDS = 4;
const expectedSheets = bigReport().hosts.map((host) => sheetsOf(host.ports));

async function open(location: StoreLocation): Promise<Store> {
  const opened = await openStore(location);
  if (!opened.ok) assert.fail(opened.error.message);
  return opened.value;
}

/** One round: run the child, kill it inside the write of a random job, check what the store holds. */
async function killRound(t: TestContext, location: StoreLocation, observer: Store | undefined): Promise<string> {
  const child = new StoreChild('finish-loop', location);
  await child.until('open');
  const finished: string[] = [];
  const writes = 1 + Math.floor(Math.random() * 3);
  let victim = '';
  let lastWriteMs = 50;
  for (let write = 1; write <= writes; write++) {
    victim = String((await child.until('finishing'))['id']);
    if (write === writes) break;
    const started = performance.now();
    await child.until('finished');
    lastWriteMs = performance.now() - started;
    finished.push(victim);
  }
  // Somewhere inside this write (it takes about as long as the last one did).
  await delay(Math.random() * lastWriteMs);
  await child.kill();

  const store = observer ?? (await open(location));
  try {
    const interrupted = (await store.markInterrupted()).map((job) => job.id);
    for (const id of finished) assert.equal((await store.getJob(id, OPERATOR_SCOPE))?.status, 'done', `job ${id}, finished before the kill`);
    const job = await store.getJob(victim, OPERATOR_SCOPE);
    if (job?.status === 'done') {
      assert.ok(!interrupted.includes(victim));
      const result = await store.result(victim, OPERATOR_SCOPE);
      assert.deepEqual(
        result?.hosts.map((host) => host.sheets),
        expectedSheets,
        'a job recorded as done has its whole result',
      );
      t.diagnostic(`killed after the write of ${victim} committed`);
      return 'done';
    }
    assert.equal(job?.status, 'interrupted', `job ${victim} is either done or interrupted`);
    assert.deepEqual(interrupted, [victim]);
    assert.equal(await store.result(victim, OPERATOR_SCOPE), undefined, 'no partial result is visible');
    t.diagnostic(`killed inside the write of ${victim}: interrupted`);
    return 'interrupted';
  } finally {
    if (observer === undefined) await store.close();
  }
}

describe('SIGKILL during finishJob', () => {
  test('embedded store: reopens after each kill, each job done or interrupted', async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portbot-kill-'));
    try {
      for (let round = 0; round < ROUNDS; round++) await killRound(t, { kind: 'embedded', dataDir }, undefined);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('PostgreSQL: a live process marks the dead one\'s job interrupted', { skip: postgresSkipReason() }, async (t) => {
    const server = await startPostgres();
    try {
      const location: StoreLocation = { kind: 'postgres', url: await server.createDatabase('kill') };
      const observer = await open(location);
      try {
        for (let round = 0; round < ROUNDS; round++) await killRound(t, location, observer);
      } finally {
        await observer.close();
      }
    } finally {
      server.stop();
    }
  });
});
