// Virtual time (node:test mock timers): the schedule is checked exactly, with no real waiting.
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { throttleProgress } from '../../src/commands/progress-throttle.js';
import type { ScanProgress } from '../../src/scanner/types.js';

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

test('nothing before the first delay, then at most one update per interval, only when something changed', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const sent: ScanProgress[] = [];
  const throttle = throttleProgress({ done: 0, total: 100, open: 0 }, (progress) => (sent.push(progress), Promise.resolve()), { firstAfterMs: 2000, everyMs: 3000 });

  throttle.update({ done: 10, total: 100, open: 0 });
  mock.timers.tick(1999);
  await flush();
  assert.equal(sent.length, 0, 'a fast scan shows no progress at all');

  mock.timers.tick(1);
  await flush();
  assert.deepEqual(sent, [{ done: 10, total: 100, open: 0 }]);

  throttle.update({ done: 20, total: 100, open: 1 });
  throttle.update({ done: 30, total: 100, open: 1 });
  mock.timers.tick(2999);
  await flush();
  assert.equal(sent.length, 1, 'updates in between are coalesced');
  mock.timers.tick(1);
  await flush();
  assert.deepEqual(sent.at(-1), { done: 30, total: 100, open: 1 });

  mock.timers.tick(3000);
  await flush();
  assert.equal(sent.length, 2, 'no repeat when nothing changed');

  await throttle.stop();
  throttle.update({ done: 90, total: 100, open: 1 });
  mock.timers.tick(10_000);
  await flush();
  assert.equal(sent.length, 2, 'nothing after stop');
});

test('stop() waits for an update still being delivered, so the final answer comes after it', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  let deliver: () => void = () => undefined;
  const order: string[] = [];
  const throttle = throttleProgress({ done: 0, total: 10, open: 0 }, () => new Promise<void>((resolve) => (deliver = () => (order.push('progress delivered'), resolve()))), {
    firstAfterMs: 10,
    everyMs: 10,
  });
  mock.timers.tick(10);
  const stopped = throttle.stop().then(() => order.push('stopped'));
  await flush();
  assert.deepEqual(order, []);
  deliver();
  await stopped;
  assert.deepEqual(order, ['progress delivered', 'stopped']);
});
