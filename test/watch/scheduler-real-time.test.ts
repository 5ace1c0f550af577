// The runner on the real clock with 2-second watches (what PORTBOT_WATCH_MIN_INTERVAL=2s allows
// in labs): real timers, real waiting. Nothing here asserts how long anything took; the test waits
// for events and then checks their order and counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { memoryLease, type WatchLease } from '../../src/watch/lease.js';
import { WatchScheduler, type ScheduledWatch } from '../../src/watch/scheduler.js';

const EVERY_2S = { kind: 'every', seconds: 2 } as const;

async function until(what: string, condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    if (condition()) return;
    await sleep(50);
  }
  assert.fail(`never happened: ${what}`);
}

test('2-second watches on the real clock: one catch-up, no overlap, the lease once per run, pause and remove', { timeout: 60_000 }, async (t) => {
  const started = Date.now();
  const asked: string[] = [];
  const shared = memoryLease();
  const lease: WatchLease = {
    tryAcquire: (id, slot) => {
      asked.push(`${id} ${slot.getTime()}`);
      return shared.tryAcquire(id, slot);
    },
  };
  const runs: { id: string; slot: number; process: number }[] = [];
  const busy: number[] = [];
  const leased: string[] = [];
  const going = new Map<string, number>();
  let most = 0;
  let releaseSlow: (() => void) | undefined;
  const processes = [1, 2].map(
    (process) =>
      new WatchScheduler({
        lease,
        runWatch: async (id, slot) => {
          runs.push({ id, slot: slot.getTime(), process });
          going.set(id, (going.get(id) ?? 0) + 1);
          most = Math.max(most, going.get(id)!);
          // The first run of "slow" lasts until two of its slots have passed it by.
          if (id === 'slow' && releaseSlow === undefined) await new Promise<void>((resolve) => (releaseSlow = resolve));
          going.set(id, going.get(id)! - 1);
        },
        events: {
          skipped: (id, slot, why) => {
            if (why === 'busy' && id === 'slow') busy.push(slot.getTime());
            if (why === 'leased') leased.push(`${id} ${slot.getTime()}`);
          },
        },
      }),
  );
  const [one, two] = processes as [WatchScheduler, WatchScheduler];
  // Down for seven seconds: three slots missed since the last run, caught up once.
  const slow: ScheduledWatch = { id: 'slow', schedule: EVERY_2S, anchor: new Date(started - 9000), lastRunAt: new Date(started - 7000), paused: false };
  const shared2: ScheduledWatch = { id: 'shared', schedule: EVERY_2S, anchor: new Date(started), lastRunAt: new Date(started), paused: false };
  // A failed assertion must not leave real timers running: the test process would never end.
  t.after(async () => {
    releaseSlow?.();
    await Promise.all([one.stop(), two.stop()]);
  });
  const addedAfter = Date.now();
  one.add(slow);
  const addedBefore = Date.now();
  one.add(shared2);
  two.add(shared2);

  await until('two slots pass the slow run', () => busy.length >= 2);
  const slowRuns = (): number[] => runs.filter((run) => run.id === 'slow').map((run) => run.slot);
  const [caughtUp, ...more] = slowRuns();
  assert.deepEqual(more, [], 'the missed watch ran once');
  assert.ok(caughtUp! <= addedBefore && caughtUp! + 2000 > addedAfter, 'for its newest due slot');
  assert.equal(most, 1, 'while the slow run goes, no other run of it starts');
  releaseSlow!();
  await until('the slow watch runs again', () => slowRuns().length >= 2);
  assert.ok(slowRuns()[1]! > busy[1]!, 'the next run is a slot after the skipped ones');

  // Pause: no more runs; resume: runs again; remove: none.
  one.pause('slow');
  const whilePaused = slowRuns().length;
  const sharedRuns = (): number => runs.filter((run) => run.id === 'shared').length;
  const before = sharedRuns();
  await until('two more slots of the other watch', () => sharedRuns() >= before + 2);
  assert.equal(slowRuns().length, whilePaused);
  one.resume('slow');
  await until('the resumed watch runs', () => slowRuns().length > whilePaused);
  one.remove('slow');
  const removedAt = slowRuns().length;
  const later = sharedRuns();
  await until('two more slots of the other watch', () => sharedRuns() >= later + 2);
  assert.equal(slowRuns().length, removedAt);

  await Promise.all([one.stop(), two.stop()]);
  // Two processes, one lease: each slot of the shared watch ran once, and each process asked once per slot.
  const sharedSlots = runs.filter((run) => run.id === 'shared').map((run) => run.slot);
  assert.equal(new Set(sharedSlots).size, sharedSlots.length, 'no slot ran twice');
  for (const slot of sharedSlots) assert.equal(asked.filter((entry) => entry === `shared ${slot}`).length, 2, 'each process asked once');
  assert.equal(asked.filter((entry) => entry.startsWith('slow ')).length, slowRuns().length, 'one process: one ask per run');
  assert.equal(leased.filter((entry) => entry.startsWith('shared ')).length, sharedSlots.length, 'the other process was refused each one');
  assert.equal(most, 1);
});
