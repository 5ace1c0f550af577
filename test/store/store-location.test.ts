// Which store the configuration opens, and the typeable job ids.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { PortbotError } from '../../src/errors.js';
import { newJobId } from '../../src/store/job-id.js';
import { createServer } from 'node:net';
import { openStore, parseJobId, storeLocation } from '../../src/store/index.js';

test('no setting: the embedded store in ./data of the working directory (beside .env), kept 90 days', () => {
  const config = loadConfig({});
  assert.deepEqual(storeLocation(config, '/srv/portbot'), { kind: 'embedded', dataDir: '/srv/portbot/data' });
  assert.equal(config.PORTBOT_HISTORY_DAYS, 90);
  assert.deepEqual(storeLocation(loadConfig({ PORTBOT_DATA_DIR: 'state/history' }), '/srv/portbot'), { kind: 'embedded', dataDir: '/srv/portbot/state/history' });
  assert.deepEqual(storeLocation(loadConfig({ PORTBOT_DATA_DIR: '/var/lib/portbot' }), '/srv'), { kind: 'embedded', dataDir: '/var/lib/portbot' });
});

test('PORTBOT_DATABASE_URL selects PostgreSQL; anything but a postgres:// URL is refused naming the variable', () => {
  const url = 'postgres://portbot:secret@db.example.test:5432/portbot';
  assert.deepEqual(storeLocation(loadConfig({ PORTBOT_DATABASE_URL: url, PORTBOT_DATA_DIR: '/x' })), { kind: 'postgres', url });
  assert.throws(
    () => loadConfig({ PORTBOT_DATABASE_URL: 'mysql://root@db/portbot' }),
    (error: unknown) => error instanceof PortbotError && /PORTBOT_DATABASE_URL: must start with postgres:\/\//.test(error.message) && !error.message.includes('root@db'),
  );
  assert.throws(() => loadConfig({ PORTBOT_HISTORY_DAYS: '0' }), /PORTBOT_HISTORY_DAYS/);
});

test('job ids: a letter then four or more of 0-9a-z without i, l, o, u; read in any case', () => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const id = newJobId(attempt % 9);
    assert.match(id, /^[a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z]{4,}$/);
    assert.equal(parseJobId(` ${id.toUpperCase()} `), id);
  }
  assert.equal(newJobId(0).length, 5);
  assert.equal(newJobId(3).length, 6, 'longer after three collisions');
  for (const text of ['12345', 'abc', 's7k2q!', 'web-1', '10.0.0.1', 'ilou0']) assert.equal(parseJobId(text), undefined, text);
});

test('a database that cannot be reached is one line naming the variable, without the password; the promise never rejects', async () => {
  // A loopback port that was free a moment ago: nothing listens there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const opened = await openStore({ kind: 'postgres', url: `postgres://portbot:s3cret@127.0.0.1:${String(port)}/portbot` });
  assert.equal(opened.ok, false);
  if (opened.ok) return;
  assert.equal(opened.error.code, 'store-unavailable');
  assert.match(opened.error.message, new RegExp(`^cannot use the database at postgres://portbot:\\*\\*\\*@127\\.0\\.0\\.1:${String(port)}/portbot: .*ECONNREFUSED.*; check PORTBOT_DATABASE_URL$`));
  assert.doesNotMatch(opened.error.message, /s3cret|\n/);
});
