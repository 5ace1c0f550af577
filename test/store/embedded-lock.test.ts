// One process at a time on an embedded data directory: a second portbot gets one line naming the
// process that holds it and the way to share history (PORTBOT_DATABASE_URL); a holder killed with
// SIGKILL leaves a stale lock that the next process takes over, and its running job reads interrupted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { OPERATOR_SCOPE, openStore } from '../../src/store/index.js';
import { StoreChild } from './store-process.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'portbot-lock-'));

test('a second process is refused with one line; the same process opening twice is refused too', async () => {
  const dataDir = tempDir();
  const opened = await openStore({ kind: 'embedded', dataDir });
  assert.ok(opened.ok);
  try {
    const child = new StoreChild('hold', { kind: 'embedded', dataDir });
    const problem = await child.next();
    assert.equal(problem.event, 'problem');
    assert.equal(problem['code'], 'store-locked');
    const message = String(problem['message']);
    assert.match(message, new RegExp(`^the data directory ${dataDir} is in use by process ${String(process.pid)}; `));
    assert.match(message, /set PORTBOT_DATABASE_URL to share history between processes$/);
    assert.doesNotMatch(message, /\n/);
    assert.equal(await child.exited, 1);

    const again = await openStore({ kind: 'embedded', dataDir });
    assert.equal(again.ok, false);
    assert.equal(!again.ok && again.error.code, 'store-locked');
  } finally {
    await opened.value.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the lock of a SIGKILLed process is taken over, and its running job is marked interrupted', async () => {
  const dataDir = tempDir();
  try {
    const child = new StoreChild('hold', { kind: 'embedded', dataDir });
    const { id } = await child.until('running');
    await child.kill();
    const opened = await openStore({ kind: 'embedded', dataDir });
    if (!opened.ok) assert.fail(opened.error.message);
    const store = opened.value;
    try {
      const interrupted = await store.markInterrupted();
      assert.deepEqual(interrupted.map((job) => job.id), [id]);
      assert.equal((await store.getJob(String(id), OPERATOR_SCOPE))?.status, 'interrupted');
    } finally {
      await store.close();
    }
    // Closed cleanly: the next process opens without a takeover and finds nothing to interrupt.
    const reopened = await openStore({ kind: 'embedded', dataDir });
    assert.ok(reopened.ok);
    assert.deepEqual(await reopened.value.markInterrupted(), []);
    await reopened.value.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
