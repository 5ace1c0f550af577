// Several portbot processes on one real PostgreSQL (Debian's package): each records its scans and
// reads the others'; one killed with SIGKILL leaves the others' jobs alone, and its own job is
// marked interrupted (and its requester told) when it starts again. And the database stopping in
// the middle of a session: the scan's answer still arrives, with one line saying it was not
// recorded, and /history says history is unavailable; the console goes on and exits cleanly.
// And one watch (every 2 s) scheduled by two processes: the lease in the database gives each slot
// to one of them, checked in the database itself (no slot with two runs, every finished scan job
// linked to one run, the runs both logged adding up to the runs stored).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { closedPort } from '../../commands/loopback.js';
import { startCli, type RunningCli } from '../../cli/run-cli.js';
import { postgresSkipReason, startPostgres, type PostgresServer } from '../../store/postgres-server.js';

async function say(cli: RunningCli, line: string, answer: RegExp, count = 1): Promise<void> {
  cli.child.stdin!.write(`${line}\n`);
  await cli.waitForStdout(answer, count);
}

const RUN_ENDED = 'watch: run ended';
const LEASED = '"why":"leased","msg":"watch: slot skipped"';

const ranIn = (cli: RunningCli): number => cli.output.stderr.split('\n').filter((line) => line.includes(RUN_ENDED) && line.includes('"kind":"ran"')).length;

async function quit(cli: RunningCli): Promise<{ code: number | null; stdout: string; stderr: string }> {
  cli.child.stdin!.end();
  return cli.done;
}

describe('consoles on one PostgreSQL', { skip: postgresSkipReason() }, () => {
  let server: PostgresServer;
  let port: number;
  before(async () => {
    server = await startPostgres();
    port = await closedPort();
  });
  after(() => server?.stop());

  test('two processes share history; one killed mid-scan is interrupted at its restart, the other untouched', { timeout: 120_000 }, async () => {
    const env = { PORTBOT_DATABASE_URL: await server.createDatabase('shared'), PORTBOT_LOG_LEVEL: 'debug' };
    const a = startCli(['console'], env);
    const b = startCli(['console'], env);
    try {
      await say(a, '/history 127.0.0.1', /^History of/m);
      await say(b, '/history 127.0.0.1', /^History of/m);
      await say(a, `/scan 127.0.0.1 ${port}`, /^Scan of 127\.0\.0\.1$/m);
      await say(b, `/scan 127.0.0.1 ${port}`, /^Scan of 127\.0\.0\.1$/m);
      assert.match(b.output.stdout, /note: Since the last scan \(\d+ s ago\): no change/, 'b compares with the scan a recorded');
      await say(b, '/history 127.0.0.1', /^History of 127\.0\.0\.1$/m, 2);
      assert.match(b.output.stdout, /The last 2 scans of 127\.0\.0\.1 here/);

      a.child.stdin!.write('/scan 127.0.0.1 1-65535\n');
      await a.waitForStderr('history: job recorded as running', 2); // its second scan
      a.child.kill('SIGKILL');
      await a.done;

      const again = startCli(['console'], env);
      try {
        await again.waitForStderr('history: looked for interrupted scans');
        assert.match(again.output.stdout, /^Scan [a-z0-9]{5,} was interrupted$/m, 'the restarted process tells of its predecessor’s job');
        await say(b, `/scan 127.0.0.1 ${port}`, /^Scan of 127\.0\.0\.1$/m, 2);
        await say(b, '/history 127.0.0.1', /^History of 127\.0\.0\.1$/m, 3);
        const lines = b.output.stdout.slice(b.output.stdout.lastIndexOf('History of')).split('\n').filter((line) => /^ {4}[a-z0-9]{5,} /.test(line));
        assert.deepEqual(lines.map((line) => /console-user {2}(\w+)/.exec(line)?.[1]), ['0', 'interrupted', '0', '0'], lines.join('\n'));
        assert.doesNotMatch(b.output.stdout, /was interrupted$/m, 'b was never told: it was not b’s scan, and b ran on');
        assert.equal((await quit(again)).code, 0);
      } finally {
        again.child.kill('SIGKILL');
      }
      assert.equal((await quit(b)).code, 0);
    } finally {
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
    }
  });

  test('one watch scheduled by two processes: each slot runs in one of them (the lease in the database)', { timeout: 120_000 }, async () => {
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

describe('PostgreSQL stopped in the middle of a session', { skip: postgresSkipReason() }, () => {
  test('the scan is answered with one line saying it was not recorded; /history says history is unavailable; exit 0', { timeout: 120_000 }, async () => {
    const server = await startPostgres();
    const port = await closedPort();
    const cli = startCli(['console'], { PORTBOT_DATABASE_URL: await server.createDatabase('lost') });
    try {
      await say(cli, `/history 127.0.0.1`, /^History of/m);
      await say(cli, `/scan 127.0.0.1 ${port}`, /^Scan of 127\.0\.0\.1$/m);
      server.stop();
      await say(cli, `/scan 127.0.0.1 ${port}`, /^Scan of 127\.0\.0\.1$/m, 2);
      const answer = cli.output.stdout.slice(cli.output.stdout.lastIndexOf('Scan of 127.0.0.1'));
      assert.match(answer, new RegExp(`${port}/tcp\\s+closed`), 'the scan’s own answer arrived');
      const notes = answer.split('\n').filter((line) => line.includes('note: Not compared'));
      assert.equal(notes.length, 1, answer);
      assert.match(notes[0]!, /note: Not compared with the last scan: (this scan was not recorded in history|could not read the history): /);
      await say(cli, '/history 127.0.0.1', /^History is unavailable$/m);
      const run = await quit(cli);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      cli.child.kill('SIGKILL');
      server.stop();
    }
  });
});
