// The contract every store passes (embedded PGlite and a real PostgreSQL run this same suite): a
// job's life, its result read back port for port, history and the diff input, who sees what,
// progress throttling, retention and interrupted jobs. The tests of a suite share one store and
// keep apart by unique target names; the clock is the suite's own, so retention can be tested.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PortbotError } from '../../src/errors.js';
import { diffResults } from '../../src/report/scan-diff.js';
import type { PortResult } from '../../src/scanner/types.js';
import { OPERATOR_SCOPE, openStore, parseJobId, SheetReader, type Store, type StoreLocation, type StoreOptions } from '../../src/store/index.js';
import { host, newJob, report, requester, scopeOf, uniqueName } from './fixtures.js';
import { watchContract } from './watch-contract.js';

export interface ContractTarget {
  readonly location: StoreLocation;
  dispose(): Promise<void>;
}

const DAY_MS = 86_400_000;

async function open(location: StoreLocation, options: StoreOptions): Promise<Store> {
  const opened = await openStore(location, options);
  if (!opened.ok) assert.fail(opened.error.message);
  return opened.value;
}

export function storeContract(label: string, skip: string | undefined, prepare: () => Promise<ContractTarget>): void {
  describe(`store contract: ${label}`, { skip }, () => {
    let target: ContractTarget | undefined;
    let store: Store;
    let now = Date.now();
    const options: StoreOptions = { now: () => new Date(now), progressIntervalMs: 60_000, heartbeatMs: 60_000, leaseMs: 120_000 };

    before(async () => {
      target = await prepare();
      store = await open(target.location, options);
    });
    after(async () => {
      await store?.close();
      await target?.dispose();
    });

    test('a job goes queued → running → done, and its 65,535-port result reads back port for port', async () => {
      const name = uniqueName('life');
      const job = await store.createJob(newJob([name]));
      assert.equal(job.status, 'queued');
      assert.equal(parseJobId(job.id), job.id, `typeable id: ${job.id}`);
      await store.markRunning(job.id, 65535);
      await store.recordProgress(job.id, { done: 100, total: 65535, open: 1 });
      const running = await store.getJob(job.id.toUpperCase(), OPERATOR_SCOPE);
      assert.equal(running?.status, 'running');
      assert.deepEqual(running?.progress, { done: 100, total: 65535, open: 1 });
      assert.ok(running?.startedAt instanceof Date);

      const scanned = host({ target: name, address: '10.9.0.1', open: [22, 80, 443, 8080], filtered: [135, 139, 445], services: { 22: 'ssh', 80: 'http' } });
      const done = await store.finishJob(job.id, report([scanned]));
      assert.equal(done.status, 'done');
      assert.deepEqual(done.summary, { open: 4, filtered: 3, closed: 65528 });
      assert.deepEqual(done.progress, { done: 65535, total: 65535, open: 4 });
      assert.equal(done.durationMs, 1234);

      const stored = await store.result(job.id, OPERATOR_SCOPE);
      assert.equal(stored?.hosts.length, 1);
      const sheet = stored.hosts[0]!.sheets.tcp!;
      assert.deepEqual(sheet.ranges, [[1, 65535]]);
      assert.deepEqual(sheet.folded, { state: 'closed', reason: 'conn-refused', count: 65528 });
      assert.equal(sheet.listed.length, 7, 'only the open and filtered ports are stored one by one');
      const original = scanned.ports as PortResult[];
      let index = 0;
      for (const port of new SheetReader(sheet).ports()) {
        const expected = original[index++]!;
        assert.equal(port.port, expected.port);
        assert.equal(port.state, expected.state);
        assert.equal(port.reason, expected.reason);
        if (expected.state !== 'closed') assert.deepEqual([port.service, port.rttMs], [expected.service, expected.rttMs], `port ${String(port.port)}`);
      }
      assert.equal(index, 65535);
    });

    test('detection and host status (issue 18) are kept as JSON', async () => {
      const name = uniqueName('detect');
      const job = await store.createJob(newJob([name]));
      const scanned = host({ target: name, address: '10.9.0.2', ports: [22, 23], open: [22] });
      const ports = (scanned.ports as PortResult[]).map((port) => (port.port === 22 ? { ...port, detected: { name: 'ssh', product: 'OpenSSH', findings: [] } } : port));
      await store.finishJob(job.id, report([{ ...scanned, ports, status: { state: 'up', reason: 'syn-ack', latencyMs: 0.3 } }]));
      const stored = await store.result(job.id, OPERATOR_SCOPE);
      assert.deepEqual(stored?.hosts[0]?.status, { state: 'up', reason: 'syn-ack', latencyMs: 0.3 });
      assert.deepEqual(stored?.hosts[0]?.sheets.tcp?.listed[0]?.detected, { name: 'ssh', product: 'OpenSSH', findings: [] });
      assert.equal(stored?.hosts[0]?.sheets.tcp?.folded, null, 'a two-port result is kept whole');
    });

    test('ids are unique and read in any case; an ended job cannot be ended again', async () => {
      const ids = new Set<string>();
      for (let index = 0; index < 100; index++) ids.add((await store.createJob(newJob([uniqueName('ids')]))).id);
      assert.equal(ids.size, 100);
      const [first] = ids;
      const failed = await store.failJob(first!, { code: 'resolver-failed', message: 'the resolver did not answer' });
      assert.equal(failed.status, 'failed');
      assert.deepEqual(failed.error, { code: 'resolver-failed', message: 'the resolver did not answer' });
      await assert.rejects(store.finishJob(first!, report([])), (error: unknown) => error instanceof PortbotError && error.code === 'store-job-not-active');
      await assert.rejects(store.markRunning('zzzzz', 1), (error: unknown) => error instanceof PortbotError && error.code === 'store-job-not-active');
      assert.equal(await store.getJob('not an id', OPERATOR_SCOPE), undefined);
    });

    test('history: newest first, by request target, host name or address, any status; the diff input is the two newest done results', async () => {
      const name = uniqueName('hist');
      const block = `${name}/30`;
      const ids: string[] = [];
      for (const open of [[22], [22, 80], [80, 8080]]) {
        now += 60_000;
        const job = await store.createJob(newJob([block]));
        await store.markRunning(job.id, 2 * 1024);
        await store.finishJob(job.id, report([host({ target: 'a.' + name, address: '10.9.1.1', ports: [...Array(1024).keys()].map((p) => p + 1).concat(8080), open }), host({ target: 'b.' + name, address: '10.9.1.2', ports: [22, 80] })]));
        ids.unshift(job.id);
      }
      now += 60_000;
      const failed = await store.createJob(newJob([block]));
      await store.failJob(failed.id, { code: 'x', message: 'boom' });

      const byBlock = await store.history(block.toUpperCase(), OPERATOR_SCOPE);
      assert.deepEqual(byBlock.map((entry) => entry.job.id), [failed.id, ...ids]);
      assert.equal(byBlock[1]!.hosts.length, 2, 'a request target lists every host');
      const byAddress = await store.history('10.9.1.2', OPERATOR_SCOPE, 2);
      assert.deepEqual(byAddress.map((entry) => entry.job.id), ids.slice(0, 2));
      assert.deepEqual(byAddress[0]!.hosts.map((h) => h.address), ['10.9.1.2']);
      const byName = await store.history(` A.${name} `, OPERATOR_SCOPE);
      assert.deepEqual(byName[0]!.hosts.map((h) => h.target), [`a.${name}`]);

      const [newer, older] = await store.latestResults(`a.${name}`, OPERATOR_SCOPE);
      assert.deepEqual([newer?.id, older?.id], ids.slice(0, 2));
      assert.deepEqual(newer?.hosts.map((h) => h.address), ['10.9.1.1']);
      const diff = diffResults(older!, newer);
      assert.deepEqual(diff.from.id, older!.id);
      assert.deepEqual(
        diff.changes.map(({ port, from, to }) => `${String(port)} ${String(from)}→${String(to)}`),
        ['22 open→closed', '8080 closed→open'],
      );
    });

    test('who sees what: channel, workspace, platform and private scans never leak', async () => {
      const name = uniqueName('scope');
      const here = requester({ userId: 'U1' });
      const places = {
        channel: here,
        privateMine: here,
        otherChannel: requester({ channelId: 'C2' }),
        otherWorkspace: requester({ workspaceId: 'T2' }),
        otherPlatform: requester({ platform: 'discord' }),
        privateOther: requester({ userId: 'U2' }),
      };
      const ids: Record<string, string> = {};
      for (const [key, who] of Object.entries(places)) {
        const job = await store.createJob(newJob([name], who, key.startsWith('private') ? 'requester' : 'channel'));
        await store.finishJob(job.id, report([host({ target: name, address: '10.9.2.1', ports: [22], open: [22] })]));
        ids[key] = job.id;
      }
      const seen = async (scope: Parameters<Store['history']>[1]): Promise<string[]> => (await store.history(name, scope, 50)).map((entry) => entry.job.id).sort();
      assert.deepEqual(await seen(scopeOf(here)), [ids['channel']!, ids['privateMine']!].sort());
      assert.deepEqual(await seen(scopeOf(places.privateOther)), [ids['channel']!, ids['privateOther']!].sort());
      assert.deepEqual(await seen(scopeOf(places.otherChannel)), [ids['otherChannel']!]);
      assert.deepEqual(await seen(scopeOf(places.otherWorkspace)), [ids['otherWorkspace']!]);
      assert.deepEqual(await seen(scopeOf(places.otherPlatform)), [ids['otherPlatform']!]);
      assert.equal((await seen(OPERATOR_SCOPE)).length, 6, 'the operator sees everything');
      assert.equal(await store.getJob(ids['otherChannel']!, scopeOf(here)), undefined);
      assert.equal(await store.result(ids['privateOther']!, scopeOf(here)), undefined);
      assert.ok(await store.result(ids['privateOther']!, scopeOf(places.privateOther)));
      assert.equal((await store.latestResults(name, scopeOf(places.otherWorkspace), 5)).length, 1);
    });

    test('progress is written at most once per interval, and always when complete', async () => {
      const job = await store.createJob(newJob([uniqueName('progress')]));
      await store.markRunning(job.id, 1000);
      await store.recordProgress(job.id, { done: 10, total: 1000, open: 0 });
      await store.recordProgress(job.id, { done: 20, total: 1000, open: 0 });
      assert.equal((await store.getJob(job.id, OPERATOR_SCOPE))?.progress.done, 10, 'the second call inside the interval is skipped');
      await store.recordProgress(job.id, { done: 1000, total: 1000, open: 3 });
      assert.deepEqual((await store.getJob(job.id, OPERATOR_SCOPE))?.progress, { done: 1000, total: 1000, open: 3 });
    });

    test('a cancelled scan keeps what it finished but is not a diff input', async () => {
      const name = uniqueName('cancel');
      const job = await store.createJob(newJob([name]));
      const cancelled = await store.finishJob(job.id, report([host({ target: name, address: '10.9.3.1', ports: [1, 2, 3] })], true));
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await store.result(job.id, OPERATOR_SCOPE))?.hosts.length, 1);
      assert.deepEqual(await store.latestResults(name, OPERATOR_SCOPE), []);
      const early = await store.createJob(newJob([name]));
      assert.equal((await store.failJob(early.id, { code: 'cancelled', message: 'cancelled by U1' }, 'cancelled')).status, 'cancelled');
    });

    test('retention prunes finished jobs older than the limit, with their results, and keeps unfinished ones', async () => {
      const name = uniqueName('prune');
      const today = now;
      now = today - 100 * DAY_MS;
      const old = await store.createJob(newJob([name]));
      await store.finishJob(old.id, report([host({ target: name, address: '10.9.4.1', ports: [22] })]));
      const oldRunning = await store.createJob(newJob([name]));
      await store.markRunning(oldRunning.id, 1);
      now = today;
      const recent = await store.createJob(newJob([name]));
      await store.finishJob(recent.id, report([host({ target: name, address: '10.9.4.1', ports: [22] })]));
      assert.ok((await store.prune(90)) >= 1);
      assert.equal(await store.getJob(old.id, OPERATOR_SCOPE), undefined);
      assert.equal(await store.result(old.id, OPERATOR_SCOPE), undefined);
      assert.deepEqual((await store.history(name, OPERATOR_SCOPE)).map((entry) => entry.job.id), [recent.id, oldRunning.id]);
      await store.finishJob(oldRunning.id, report([]));
    });

    test('jobs of a process that is gone are marked interrupted once; this process keeps its own', async () => {
      const mine = await store.createJob(newJob([uniqueName('mine')]));
      await store.markRunning(mine.id, 10);
      // Another instance (on the embedded store: after this one closes, as the lock allows).
      const embedded = store.kind === 'embedded';
      if (embedded) await store.close();
      const other = await open(target!.location, options);
      const orphan = await other.createJob(newJob([uniqueName('orphan')]));
      await other.markRunning(orphan.id, 10);
      await other.close();
      if (embedded) store = await open(target!.location, options);
      const interrupted = await store.markInterrupted();
      const ids = interrupted.map((job) => job.id);
      assert.ok(ids.includes(orphan.id));
      assert.equal(ids.includes(mine.id), embedded, 'embedded: the previous process is gone; PostgreSQL: this one is alive');
      const job = await store.getJob(orphan.id, OPERATOR_SCOPE);
      assert.equal(job?.status, 'interrupted');
      assert.equal(job?.error?.code, 'interrupted');
      assert.deepEqual(await store.markInterrupted(), []);
    });

    test('a closed store refuses writes with a coded error instead of dropping them', async () => {
      const extra = store.kind === 'embedded' ? undefined : await open(target!.location, options);
      const closing = extra ?? store;
      await closing.close();
      await assert.rejects(closing.createJob(newJob(['x'])), (error: unknown) => error instanceof PortbotError && error.code === 'store-closed');
      if (extra === undefined) store = await open(target!.location, options);
    });

    watchContract(label, () => ({ store, openAnother: () => open(target!.location, options) }));
  });
}
