// What every store keeps of watches (embedded PGlite and a real PostgreSQL run this same suite): a
// watch with its baseline, listed per channel, stopped per channel, paused once; the run lease
// gives a slot once and never an older one; runs link their scan jobs, read newest first. On
// PostgreSQL a second store (another bot process) cannot take a slot a live one holds, and can
// once that one has closed.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { OPERATOR_SCOPE, type NewWatch, type Store } from '../../src/store/index.js';
import { host, newJob, report, uniqueName } from './fixtures.js';

const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
const place = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;

/** A finished scan job of `name` with `open` ports open: a run's result. */
async function scanned(store: Store, name: string, open: readonly number[]): Promise<string> {
  const job = await store.createJob(newJob([name]));
  await store.finishJob(job.id, report([host({ target: name, address: '10.9.0.7', open, ports: [22, 80, 443] })]));
  return job.id;
}

async function newWatch(store: Store, name: string, where: NewWatch['place'] = place): Promise<string> {
  const baselineJobId = await scanned(store, name, [22]);
  const watch = await store.createWatch({
    place: where,
    creator: { platform: where.platform, userId: 'U1', workspaceId: where.workspaceId, channelId: where.channelId, botWorkspaceId: 'T1' },
    creatorName: 'erin',
    targets: name,
    ports: '22,80,443',
    protocol: 'tcp',
    schedule: { kind: 'every', seconds: 60 },
    timeZone: 'Europe/Berlin',
    createdAt: at(0),
    baselineJobId,
  });
  return watch.id;
}

export interface ContractStore {
  readonly store: Store;
  /** Opens another store on the same location (another bot process). */
  readonly openAnother: () => Promise<Store>;
}

/** Registered inside the store contract's suite, on its store. */
export function watchContract(label: string, get: () => ContractStore): void {
  describe('watches', () => {
    let store: Store;
    before(() => {
      store = get().store;
    });

    test('a watch is kept with its creator, schedule and baseline; listed per channel; stopped per channel', async () => {
      const name = uniqueName('watched');
      const id = await newWatch(store, name);
      const other = await newWatch(store, uniqueName('elsewhere'), { ...place, channelId: 'C2' });
      const watch = await store.getWatch(id.toUpperCase());
      assert.deepEqual(watch?.schedule, { kind: 'every', seconds: 60 });
      assert.deepEqual(watch?.creator, { platform: 'slack', userId: 'U1', workspaceId: 'T1', channelId: 'C1', botWorkspaceId: 'T1' });
      assert.equal(watch?.creatorName, 'erin');
      assert.deepEqual([watch?.lastSlot, watch?.pauseReason, watch?.timeZone], [at(0), null, 'Europe/Berlin']);
      const baseline = await store.watchResults(id, 5);
      assert.equal(baseline.length, 1);
      assert.equal(baseline[0]!.hosts[0]!.target, name);
      assert.ok((await store.listWatches(place)).some((each) => each.id === id));
      assert.ok(!(await store.listWatches(place)).some((each) => each.id === other));
      assert.ok((await store.listWatches()).some((each) => each.id === other));
      assert.equal(await store.deleteWatch(other, place), undefined, 'not from another channel');
      assert.equal((await store.deleteWatch(other, { ...place, channelId: 'C2' }))?.id, other);
      assert.equal(await store.getWatch(other), undefined);
    });

    test('the lease gives a slot once, never one older than the newest given; runs are read newest first', async () => {
      const name = uniqueName('leased');
      const id = await newWatch(store, name);
      const [baseline] = await store.watchResults(id, 1);
      assert.equal(await store.acquireWatchRun(id, at(0)), false, 'the baseline ran the first slot');
      assert.equal(await store.acquireWatchRun(id, at(60)), true);
      assert.equal(await store.acquireWatchRun(id, at(60)), false, 'given once, also to the same process');
      const first = await scanned(store, name, [22, 80]);
      await store.finishWatchRun(id, at(60), first);
      assert.equal(await store.acquireWatchRun(id, at(60)), false, 'a slot that ran never runs again');
      assert.equal(await store.acquireWatchRun(id, at(120)), true);
      const second = await scanned(store, name, [22, 80, 443]);
      await store.finishWatchRun(id, at(120), second);
      assert.equal((await store.getWatch(id))?.lastSlot?.getTime(), at(120).getTime());
      assert.equal(await store.acquireWatchRun(id, at(60)), false, 'never an older slot');
      assert.deepEqual((await store.watchResults(id, 12)).map((result) => result.id), [second, first, baseline!.id]);
      assert.deepEqual((await store.watchResults(id, 2)).map((result) => result.id), [second, first]);
      assert.equal((await store.getJob(first, OPERATOR_SCOPE))?.status, 'done');
    });

    test('a watch pauses once; a paused watch gives no slot; a stopped one keeps its scans in history', async () => {
      const name = uniqueName('paused');
      const id = await newWatch(store, name);
      assert.equal(await store.pauseWatch(id, 'target-not-allowed'), true);
      assert.equal(await store.pauseWatch(id, 'target-not-allowed'), false, 'announced once');
      assert.equal((await store.getWatch(id))?.pauseReason, 'target-not-allowed');
      assert.equal(await store.acquireWatchRun(id, at(60)), false);
      assert.equal((await store.deleteWatch(id))?.id, id);
      assert.equal((await store.history(name, OPERATOR_SCOPE)).length, 1, 'the baseline scan stays in history');
    });

    if (label === 'PostgreSQL') {
      test('two processes: a slot held by a live one is not given to the other; once it closed, it is', async () => {
        const name = uniqueName('shared');
        const id = await newWatch(store, name);
        const second = await get().openAnother();
        const third = await get().openAnother();
        try {
          assert.equal(await second.acquireWatchRun(id, at(60)), true);
          assert.equal(await store.acquireWatchRun(id, at(60)), false, 'held by a live process');
          assert.equal(await store.acquireWatchRun(id, at(120)), false, 'no overlap: the next slot waits for the running one');
          await second.close(); // its run never finished: the slot may run again
          assert.equal(await third.acquireWatchRun(id, at(60)), true);
          await third.finishWatchRun(id, at(60), undefined);
          assert.equal(await store.acquireWatchRun(id, at(60)), false);
          assert.equal(await store.acquireWatchRun(id, at(120)), true);
        } finally {
          await second.close();
          await third.close();
        }
      });
    }
  });
}
