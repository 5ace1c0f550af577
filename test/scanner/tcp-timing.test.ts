// The adaptive timeout and the tries a port gets, as pure rules (their effect on real hosts is in lab.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RttEstimator } from '../../src/scanner/tcp/rtt.js';
import { defaultTcpTiming, triesAllowed } from '../../src/scanner/tcp/timing.js';

const bounds = { initialMs: 1000, minMs: 100, maxMs: 10_000 };

test('the timeout starts at the initial value and follows measured RTTs within its bounds', () => {
  const rtt = new RttEstimator(bounds);
  assert.equal(rtt.timeoutMs, 1000);
  rtt.record(0.2);
  assert.equal(rtt.timeoutMs, 100, 'a fast LAN clamps to the minimum');
  for (let i = 0; i < 50; i++) rtt.record(400);
  const slower = rtt.timeoutMs as number;
  assert.ok(slower > 400 && slower < 1000, `a slower path raises it (${String(slower)} ms)`);
  // A jittery path: srtt about 4.5 s and a large variation would ask for more than 10 s.
  for (let i = 0; i < 50; i++) rtt.record(i % 2 === 0 ? 2000 : 7000);
  assert.equal(rtt.timeoutMs, 10_000, 'never above the maximum');
});

test('a single answer far later than anything seen (a kernel SYN retransmission) does not move the timeout', () => {
  const rtt = new RttEstimator(bounds);
  for (let i = 0; i < 10; i++) rtt.record(2);
  const before = rtt.timeoutMs;
  rtt.record(9000);
  assert.equal(rtt.timeoutMs, before);
});

test('tries per port: 2 for a silent host, 3 for one that answers, 10 once a retransmission was answered', () => {
  assert.equal(triesAllowed(defaultTcpTiming, { answered: false, deepestAnsweredTry: -1 }), 2);
  assert.equal(triesAllowed(defaultTcpTiming, { answered: true, deepestAnsweredTry: 0 }), 3);
  assert.equal(triesAllowed(defaultTcpTiming, { answered: true, deepestAnsweredTry: 1 }), 10);
});
