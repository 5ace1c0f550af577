// Two portbot processes on one real PostgreSQL (Debian's package) both schedule the same watch
// (every 2 s): the lease in the database gives each slot to one of them. Checked in the database
// itself after several slots: no slot has two runs, every run's scan job is linked to the watch,
// and the runs the two processes logged add up to the runs stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { closedPort } from '../../commands/loopback.js';
import { startCli, type RunningCli } from '../../cli/run-cli.js';
import { postgresSkipReason, startPostgres, type PostgresServer } from '../../store/postgres-server.js';

const RUN_ENDED = 'watch: run ended';
const LEASED = '"why":"leased","msg":"watch: slot skipped"';

const ranIn = (cli: RunningCli): number => cli.output.stderr.split('\n').filter((line) => line.includes(RUN_ENDED) && line.includes('"kind":"ran"')).length;

describe('one watch, two processes on one PostgreSQL', { skip: postgresSkipReason() }, () => {
  let server: PostgresServer;
  let port: number;
  before(async () => {
    server = await startPostgres();
    port = await closedPort();
  });
  after(() => server?.stop());

  test('each slot runs in one process only', { timeout: 120_000 }, async () => {
    const url = await server.createDatabase('watches');
    const env = { PORTBOT_DATABASE_URL: url, PORTBOT_WATCH_MIN_INTERVAL: '2s', PORTBOT_LOG_LEVEL: 'debug' };
    const a = startCli(['console'], env);
    let b: RunningCli | undefined;
    try {
      a.child.stdin!.write(`/watch 127.0.0.1 ${port} every 2s\n`);
      await a.waitForStdout(/^Watching 127\.0\.0\.1 \(watch [a-z0-9]+\)$/m);
      const id = /^Watching 127\.0\.0\.1 \(watch ([a-z0-9]+)\)$/m.exec(a.output.stdout)![1]!;
      b = startCli(['console'], env);
      await b.waitForStderr('watch: loaded the stored watches');
      assert.match(b.output.stderr, /"watches":1,"msg":"watch: loaded the stored watches"/);
      // Both schedule every slot from now on: each slot is one run in one process and a lease refusal in the other.
      const seen = (a.output.stderr + b.output.stderr).split(LEASED).length - 1;
      while ((a.output.stderr + b.output.stderr).split(LEASED).length - 1 < seen + 4) {
        await Promise.race([a.waitForStderr(LEASED, a.output.stderr.split(LEASED).length), b.waitForStderr(LEASED, b.output.stderr.split(LEASED).length)]);
      }
      for (const cli of [a, b]) {
        cli.child.stdin!.end();
        assert.equal((await cli.done).code, 0);
      }

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const twice = await client.query('select slot, count(*) from watch_runs where watch_id = $1 group by slot having count(*) > 1', [id]);
        assert.deepEqual(twice.rows, [], 'no slot ran twice');
        // Only this watch scans in this database; a run cut short by the processes stopping ends `cancelled`, unlinked.
        const runs = await client.query<{ runs: string; jobs: string }>(
          "select (select count(*) from watch_runs where watch_id = $1) as runs, (select count(*) from jobs where status = 'done') as jobs",
          [id],
        );
        const stored = Number(runs.rows[0]!.runs);
        assert.equal(Number(runs.rows[0]!.jobs), stored, 'every finished scan job (the baseline and each run) belongs to one stored run');
        assert.equal(ranIn(a) + ranIn(b), stored - 1, 'the runs both processes logged are the stored runs after the baseline');
        assert.ok(stored >= 4, `several slots ran (${String(stored)})`);
      } finally {
        await client.end();
      }
    } finally {
      a.child.kill('SIGKILL');
      b?.child.kill('SIGKILL');
    }
  });
});
