// The watch runner on a clock the test moves: runs at the slots, one catch-up run for a watch that
// missed slots, never two runs of one watch at once, pause, resume, remove, replace, stop, and the
// lease asked once per run (a second process with the same lease runs nothing twice).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryLease, type WatchLease } from '../../src/watch/lease.js';
import { WatchScheduler, type ScheduledWatch, type SkipReason } from '../../src/watch/scheduler.js';
import { ManualClock, settle } from './fixtures.js';

const START = Date.parse('2025-03-04T10:00:00Z');
const MINUTE = 60_000;

const watch = (overrides: Partial<ScheduledWatch> = {}): ScheduledWatch => ({
  id: 'w1',
  schedule: { kind: 'every', seconds: 600 },
  anchor: new Date(START),
  lastRunAt: new Date(START),
  paused: false,
  ...overrides,
});

interface Harness {
  readonly clock: ManualClock;
  readonly scheduler: WatchScheduler;
  /** "w1@10:10" per run started, in order. */
  readonly runs: string[];
  readonly skips: string[];
  /** Runs still going, by the order they started; resolve one to end it. */
  readonly going: (() => void)[];
}

const hhmm = (date: Date): string => date.toISOString().slice(11, 16);

function harness(options: { slow?: boolean; lease?: WatchLease; now?: number } = {}): Harness {
  const clock = new ManualClock(options.now ?? START);
  const runs: string[] = [];
  const skips: string[] = [];
  const going: (() => void)[] = [];
  const scheduler = new WatchScheduler({
    clock,
    ...(options.lease === undefined ? {} : { lease: options.lease }),
    runWatch: (id, slot) => {
      runs.push(`${id}@${hhmm(slot)}`);
      if (options.slow !== true) return Promise.resolve();
      return new Promise<void>((resolve) => going.push(resolve));
    },
    events: { skipped: (id: string, slot: Date, why: SkipReason) => skips.push(`${id}@${hhmm(slot)} ${why}`) },
  });
  return { clock, scheduler, runs, skips, going };
}

test('a watch runs at each slot after its creation, and says when it runs next', async () => {
  const { clock, scheduler, runs } = harness();
  scheduler.add(watch());
  assert.deepEqual(runs, [], 'the baseline ran at creation: nothing due');
  assert.equal(scheduler.nextRun('w1')?.toISOString(), '2025-03-04T10:10:00.000Z');
  await clock.advanceTo(START + 35 * MINUTE);
  assert.deepEqual(runs, ['w1@10:10', 'w1@10:20', 'w1@10:30']);
  assert.equal(scheduler.nextRun('w1')?.toISOString(), '2025-03-04T10:40:00.000Z');
  await scheduler.stop();
});

test('a bot that was down runs a missed watch once at start, not once per missed slot', async () => {
  const { clock, scheduler, runs } = harness({ now: START + 95 * MINUTE });
  scheduler.add(watch({ lastRunAt: new Date(START + 20 * MINUTE) }));
  await settle();
  assert.deepEqual(runs, ['w1@11:30'], 'the newest due slot, once');
  await clock.advanceTo(START + 105 * MINUTE);
  assert.deepEqual(runs, ['w1@11:30', 'w1@11:40']);
  // Up to date already, or never run at all (its baseline was lost): nothing, or the due slot.
  const fresh = harness({ now: START + 95 * MINUTE });
  fresh.scheduler.add(watch({ lastRunAt: new Date(START + 90 * MINUTE) }));
  fresh.scheduler.add(watch({ id: 'w2', lastRunAt: null }));
  await settle();
  assert.deepEqual(fresh.runs, ['w2@11:30']);
  await Promise.all([scheduler.stop(), fresh.scheduler.stop()]);
});

test('a run that outlasts its interval is never overlapped: the slots it covers are skipped, said as busy', async () => {
  const { clock, scheduler, runs, skips, going } = harness({ slow: true });
  scheduler.add(watch());
  await clock.advanceTo(START + 10 * MINUTE);
  assert.deepEqual(runs, ['w1@10:10']);
  await clock.advanceTo(START + 30 * MINUTE);
  assert.deepEqual(runs, ['w1@10:10'], 'still one run');
  assert.deepEqual(skips, ['w1@10:20 busy', 'w1@10:30 busy']);
  assert.ok(scheduler.isRunning('w1'));
  going.shift()!();
  await settle();
  assert.ok(!scheduler.isRunning('w1'));
  await clock.advanceTo(START + 40 * MINUTE);
  assert.deepEqual(runs, ['w1@10:10', 'w1@10:40']);
  going.shift()!();
  await scheduler.stop();
});

test('pause stops runs (missed slots are not caught up), resume goes on from now, remove ends it', async () => {
  const { clock, scheduler, runs } = harness();
  scheduler.add(watch());
  scheduler.add(watch({ id: 'w2' }));
  scheduler.pause('w1');
  assert.equal(scheduler.nextRun('w1'), undefined);
  await clock.advanceTo(START + 25 * MINUTE);
  assert.deepEqual(runs, ['w2@10:10', 'w2@10:20']);
  scheduler.resume('w1');
  assert.equal(scheduler.nextRun('w1')?.toISOString(), '2025-03-04T10:30:00.000Z');
  scheduler.remove('w2');
  await clock.advanceTo(START + 30 * MINUTE);
  assert.deepEqual(runs, ['w2@10:10', 'w2@10:20', 'w1@10:30']);
  assert.equal(scheduler.nextRun('w2'), undefined);
  // A watch added paused does not run, not even a missed slot.
  scheduler.add(watch({ id: 'w3', lastRunAt: null, paused: true }));
  await clock.advanceTo(START + 31 * MINUTE);
  assert.deepEqual(runs, ['w2@10:10', 'w2@10:20', 'w1@10:30']);
  await scheduler.stop();
  assert.equal(clock.pending, 0, 'stop cancels every timer');
});

test('replacing a watch keeps a run in progress from overlapping, and takes the new schedule', async () => {
  const { clock, scheduler, runs, skips, going } = harness({ slow: true });
  scheduler.add(watch());
  await clock.advanceTo(START + 10 * MINUTE);
  scheduler.add(watch({ schedule: { kind: 'every', seconds: 300 }, lastRunAt: new Date(START) }));
  await settle();
  assert.deepEqual(runs, ['w1@10:10']);
  assert.deepEqual(skips, ['w1@10:10 busy'], 'the catch-up of the replaced watch waits for nothing: the run going covers it');
  going.shift()!();
  await settle();
  await clock.advanceTo(START + 15 * MINUTE);
  assert.deepEqual(runs, ['w1@10:10', 'w1@10:15']);
  going.shift()!();
  await scheduler.stop();
});

test('the lease is asked once per run; two processes sharing it run each slot once', async () => {
  const asked: string[] = [];
  const shared = memoryLease();
  const lease: WatchLease = {
    tryAcquire: (id, slot) => {
      asked.push(`${id}@${hhmm(slot)}`);
      return shared.tryAcquire(id, slot);
    },
  };
  const one = harness({ lease });
  const two = harness({ lease, now: START + 12 * MINUTE });
  one.scheduler.add(watch());
  await one.clock.advanceTo(START + 12 * MINUTE);
  // The second process starts late: its catch-up of 10:10 is refused, the first already ran it.
  two.scheduler.add(watch());
  await settle();
  await one.clock.advanceTo(START + 20 * MINUTE);
  await two.clock.advanceTo(START + 20 * MINUTE);
  assert.deepEqual(one.runs, ['w1@10:10', 'w1@10:20']);
  assert.deepEqual(two.runs, []);
  assert.deepEqual(two.skips, ['w1@10:10 leased', 'w1@10:20 leased']);
  assert.deepEqual(asked, ['w1@10:10', 'w1@10:10', 'w1@10:20', 'w1@10:20']);
  await Promise.all([one.scheduler.stop(), two.scheduler.stop()]);
});

test('a lease that fails skips the run and says why; a run that throws is reported and the watch goes on', async () => {
  const clock = new ManualClock(START);
  const failures: string[] = [];
  let leaseWorks = false;
  const scheduler = new WatchScheduler({
    clock,
    lease: { tryAcquire: () => (leaseWorks ? Promise.resolve(true) : Promise.reject(new Error('database down'))) },
    runWatch: () => Promise.reject(new Error('scan service gone')),
    events: {
      skipped: (id, slot, why, cause) => failures.push(`${hhmm(slot)} ${why} ${(cause as Error).message}`),
      runFailed: (id, slot, error) => failures.push(`${hhmm(slot)} failed ${(error as Error).message}`),
    },
  });
  scheduler.add(watch());
  await clock.advanceTo(START + 10 * MINUTE);
  leaseWorks = true;
  await clock.advanceTo(START + 20 * MINUTE);
  assert.deepEqual(failures, ['10:10 lease-failed database down', '10:20 failed scan service gone']);
  assert.equal(scheduler.nextRun('w1')?.toISOString(), '2025-03-04T10:30:00.000Z');
  await scheduler.stop();
});

test('stop waits for the runs going, and starts none after', async () => {
  const { clock, scheduler, runs, going } = harness({ slow: true });
  scheduler.add(watch());
  await clock.advanceTo(START + 10 * MINUTE);
  let stopped = false;
  const stopping = scheduler.stop().then(() => (stopped = true));
  await settle();
  assert.equal(stopped, false, 'a run is still going');
  going.shift()!();
  await stopping;
  scheduler.add(watch({ id: 'w2', lastRunAt: null }));
  await clock.advanceTo(START + 60 * MINUTE);
  assert.deepEqual(runs, ['w1@10:10']);
});

test('a timer that fires late (a sleeping machine) runs the newest due slot once', async () => {
  const clock = new ManualClock(START);
  const runs: string[] = [];
  const scheduler = new WatchScheduler({ clock, runWatch: (id, slot) => (runs.push(hhmm(slot)), Promise.resolve()) });
  scheduler.add(watch());
  // The machine sleeps from 10:05 to 10:47: the 10:10 timer fires only now.
  clock.jump(START + 47 * MINUTE);
  await clock.advanceTo(START + 47 * MINUTE);
  assert.deepEqual(runs, ['10:40']);
  assert.equal(scheduler.nextRun('w1')?.toISOString(), '2025-03-04T10:50:00.000Z');
  await scheduler.stop();
});
