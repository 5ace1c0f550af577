// The scan service through the real policy, executor, scanner and store (both backends): a job's
// events and one outcome, history recorded beside the answer, "since the last scan" after a port
// opens, what a public answer may compare with, cancel by its requester only, and a store that
// is still opening or cannot open never holding an answer up.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { historyLine } from '../../src/report/since-line.js';
import type { HistoryStore, JobEvent, ScanOrigin, ScanService, SubmittedJob } from '../../src/scan/index.js';
import { openHistoryStore } from '../../src/scan/index.js';
import type { Store, StoreProblem } from '../../src/store/index.js';
import type { Result } from '../../src/result.js';
import { closedPort, openPort, type Listener } from '../commands/loopback.js';
import { memoryAudit } from '../commands/fake-chat.js';
import { listenAt } from '../cli/listen-at.js';
import { bothBackends, historyAt } from './history-backends.js';
import { testService } from './test-service.js';

const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', PORTBOT_SCANS_PER_MINUTE: '1000', PORTBOT_CONCURRENT_SCANS_PER_USER: '100' });
const alice: ScanOrigin = { requester: { platform: 'slack', userId: 'U1', workspaceId: 'T1', channelId: 'C1' }, visibility: 'channel', userName: 'alice' };
const request = (ports: string, text = `/scan 127.0.0.1 ${ports}`) => ({ targets: '127.0.0.1', ports, udp: false, text });

async function drain(job: SubmittedJob): Promise<JobEvent[]> {
  const events: JobEvent[] = [];
  for await (const event of job.events) events.push(event);
  return events;
}

async function answered(service: ScanService, ports: string, origin: ScanOrigin = alice) {
  const job = service.submit(request(ports), origin);
  const events = await drain(job);
  const outcome = await job.outcome;
  assert.equal(outcome.kind, 'report');
  return { job, events, outcome, report: outcome.kind === 'report' ? outcome.report : undefined!, note: outcome.kind === 'report' ? outcome.history : undefined! };
}

for (const backend of bothBackends()) {
  describe(`the scan service with history: ${backend.label}`, { skip: backend.skip }, () => {
    let history: HistoryStore;
    let service: ScanService;
    const audit = memoryAudit();
    let listener: Listener;
    let later: number;

    before(async () => {
      history = historyAt(await backend.location());
      assert.ok((await history.ready()).ok);
      service = testService(config, { history, audit });
      listener = await openPort();
      later = await closedPort();
    });
    after(async () => {
      await listener.close();
      await service.drain();
      await history.close();
      backend.dispose();
    });

    test('a job: started, progress, one outcome; recorded with its id; the first scan says so', async () => {
      const first = await answered(service, `${listener.port},${later}`);
      assert.equal(first.events[0]?.kind, 'started');
      assert.deepEqual(first.events.at(-1)?.kind === 'progress' ? first.events.at(-1) : undefined, { kind: 'progress', jobId: first.job.id, progress: { done: 2, total: 2, open: 1 } });
      assert.equal(first.note.kind, 'recorded');
      assert.equal(await first.job.recorded.then((written) => written.ok), true);
      assert.equal(historyLine(first.note), 'First scan of 127.0.0.1 here: the next one will say what changed since the last scan.');
      const store = (await history.ready()) as { ok: true; value: Store };
      const stored = await store.value.getJob(first.job.id, { kind: 'operator' });
      assert.deepEqual([stored?.status, stored?.requester.userName, stored?.request.ports], ['done', 'alice', `${listener.port},${later}`]);
      assert.deepEqual(audit.entries.at(-1)?.decision, 'allowed');
    });

    test('after a port opens, the next answer says what changed since the last scan', async () => {
      const opened = await openPort();
      try {
        const ports = `${listener.port},${opened.port}`;
        // The second port is closed in the first scan (bound a moment later by nobody) and open now.
        await opened.close();
        const before = await answered(service, ports);
        const reopened = await listenAt(opened.port);
        try {
          const now = await answered(service, ports);
          assert.equal(now.note.kind, 'recorded');
          assert.match(historyLine(now.note) ?? '', new RegExp(`^Since the last scan \\(\\d+ s ago\\): ${opened.port}/tcp now open$`));
          assert.equal(now.note.kind === 'recorded' ? now.note.since[0]?.previous?.id : '', before.job.id);
          const again = await answered(service, ports);
          assert.match(historyLine(again.note) ?? '', /^Since the last scan \(\d+ s ago\): no change$/);
        } finally {
          await reopened.close();
        }
      } catch (error) {
        await opened.close().catch(() => undefined);
        throw error;
      }
    });

    test('a public answer never compares with a private scan; a private one sees the requester’s own', async () => {
      const ports = `${later}`;
      const target = '127.0.0.9';
      const submit = (visibility: 'channel' | 'requester', userId = 'U1') =>
        answered2(service, { targets: target, ports, udp: false, text: 'scan' }, { ...alice, requester: { ...alice.requester, userId }, visibility });
      const secret = await submit('requester');
      assert.match(historyLine(secret.note) ?? '', /^First scan/);
      assert.match(historyLine((await submit('channel')).note) ?? '', /^First scan/, 'the channel answer did not use the private scan');
      assert.match(historyLine((await submit('requester')).note) ?? '', /^Since the last scan/, 'the requester’s own private scan is theirs to compare with');
      assert.match(historyLine((await submit('requester', 'U2')).note) ?? '', /^Since the last scan/, 'U2 compares with the public scan');
    });

    test('cancel: only whoever started it; the partial result is still the one outcome, and recorded as cancelled', async () => {
      const job = service.submit(request('1-65535'), alice);
      let decided: string[] = [];
      for await (const event of job.events) {
        if (event.kind !== 'progress' || decided.length > 0) continue;
        decided = [service.cancel(job.id, { ...alice.requester, userId: 'U2' }), service.cancel(job.id, alice.requester)];
      }
      const outcome = await job.outcome;
      assert.deepEqual(decided, ['not-owner', 'cancelled']);
      assert.ok(outcome.kind === 'report' && outcome.report.cancelled);
      await job.recorded;
      const store = (await history.ready()) as { ok: true; value: Store };
      assert.equal((await store.value.getJob(job.id, { kind: 'operator' }))?.status, 'cancelled');
      assert.equal(service.cancel(job.id, alice.requester), 'unknown');
    });

    test('a refused or invalid request is an outcome, audited, and not recorded', async () => {
      const job = service.submit({ targets: '10.1.2.3', ports: '22', udp: false, text: 'scan 10.1.2.3 22' }, alice);
      assert.deepEqual(await drain(job), []);
      const outcome = await job.outcome;
      assert.equal(outcome.kind === 'problem' ? outcome.problem.code : outcome.kind, 'target-not-allowed');
      assert.deepEqual(await job.recorded, { ok: 'off' });
      const bad = await service.submit(request('99999'), alice).outcome;
      assert.equal(bad.kind === 'problem' ? bad.problem.kind : bad.kind, 'input');
    });
  });
}

async function answered2(service: ScanService, scan: Parameters<ScanService['submit']>[0], origin: ScanOrigin) {
  const job = service.submit(scan, origin);
  await drain(job);
  const outcome = await job.outcome;
  assert.equal(outcome.kind, 'report');
  return { job, note: outcome.kind === 'report' ? outcome.history : undefined! };
}

describe('history that is not ready never holds an answer up', () => {
  test('a store still opening: the answer comes at once and says so; the job is recorded when it opens', async () => {
    const listener = await openPort();
    let open: (result: Result<Store, StoreProblem>) => void = () => undefined;
    const held = new Promise<Result<Store, StoreProblem>>((resolve) => (open = resolve));
    // The real store, handed out only when the test says: "still opening" for as long as it likes.
    const backend = bothBackends()[0]!;
    const real = historyAt(await backend.location());
    let released = false;
    const opening: HistoryStore = {
      current: () => (released ? real.current() : undefined),
      state: () => (released ? real.state() : 'opening'),
      ready: () => held,
      close: () => real.close(),
    };
    try {
      const service = testService(config, { history: opening });
      const { job, note } = await answered2(service, request(String(listener.port)), alice);
      assert.deepEqual(note, { kind: 'opening' });
      assert.match(historyLine(note) ?? '', /still opening/);
      released = true;
      open(await real.ready());
      assert.deepEqual(await job.recorded, { ok: true, jobId: job.id });
      assert.equal((await job.history).kind, 'recorded');
    } finally {
      await listener.close();
      await real.close();
      backend.dispose();
    }
  });

  test('a store that cannot open: the scan is answered, and the answer says it was not recorded and why', async () => {
    const listener = await openPort();
    const unusable = openHistoryStore({ kind: 'postgres', url: 'postgres://portbot@127.0.0.1:1/none' });
    try {
      const ready = await unusable.ready();
      assert.equal(ready.ok, false);
      const service = testService(config, { history: unusable });
      const { job, note } = await answered2(service, request(String(listener.port)), alice);
      assert.equal(note.kind, 'unavailable');
      assert.match(historyLine(note) ?? '', /^Not compared with the last scan: history is not recorded: cannot use the database at postgres:\/\/portbot@127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
      assert.equal((await job.recorded).ok, false);
    } finally {
      await listener.close();
      await unusable.close();
    }
  });

  test('the CLI without --save: nothing recorded, no history note', async () => {
    const listener = await openPort();
    try {
      const service = testService(config);
      const { job, note } = await answered2(service, request(String(listener.port)), alice);
      assert.deepEqual(note, { kind: 'off' });
      assert.deepEqual(await job.recorded, { ok: 'off' });
      assert.equal(historyLine(note), undefined);
    } finally {
      await listener.close();
    }
  });
});

