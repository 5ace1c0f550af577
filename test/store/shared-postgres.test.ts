// Several bot processes on one PostgreSQL: two start together on an empty database (the
// migrations serialise on their advisory lock), both record, each sees the other's jobs, and a
// sweep interrupts only the jobs of a process that is gone: killed, or closed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPERATOR_SCOPE, openStore } from '../../src/store/index.js';
import { postgresSkipReason, startPostgres } from './postgres-server.js';
import { StoreChild } from './store-process.js';

test('two processes share one PostgreSQL; only a dead process\'s job is interrupted', { skip: postgresSkipReason() }, async () => {
  const server = await startPostgres();
  const children: StoreChild[] = [];
  try {
    const location = { kind: 'postgres', url: await server.createDatabase('shared') } as const;
    children.push(new StoreChild('hold', location), new StoreChild('hold', location));
    const [first, second] = children as [StoreChild, StoreChild];
    const [firstJob, secondJob] = await Promise.all([first.until('running'), second.until('running')]);

    const opened = await openStore(location);
    if (!opened.ok) assert.fail(opened.error.message);
    const store = opened.value;
    try {
      for (const [child, job] of [[first, firstJob], [second, secondJob]] as const) {
        const [entry] = await store.history(`held-${String(child.pid)}`, OPERATOR_SCOPE);
        assert.equal(entry?.job.id, job['id']);
        assert.equal(entry?.job.status, 'running');
      }
      assert.deepEqual(await store.markInterrupted(), [], 'both owners are alive');

      await first.kill();
      assert.deepEqual((await store.markInterrupted()).map((job) => job.id), [firstJob['id']]);
      assert.equal((await store.getJob(String(secondJob['id']), OPERATOR_SCOPE))?.status, 'running');

      await second.stop();
      assert.deepEqual((await store.markInterrupted()).map((job) => job.id), [secondJob['id']], 'a closed process is gone too');
    } finally {
      await store.close();
    }
  } finally {
    for (const child of children) await child.kill();
    server.stop();
  }
});
