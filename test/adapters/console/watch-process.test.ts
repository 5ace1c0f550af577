// Watches through the real console process on the embedded store, with PORTBOT_WATCH_MIN_INTERVAL=2s:
// confirmed with its id and baseline; quiet while nothing changes; a port opened by the test is
// announced once; the watch survives a restart (same data directory) and the new process
// announces the port closing; a SIGKILL in the middle of a run loses no watch and the next
// process runs the missed slot; a narrower allowlist pauses the watch with one message, also
// across restarts. Runs are counted from the processes' own log lines, never timed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closedPort, type Listener } from '../../commands/loopback.js';
import { listenAt } from '../../cli/listen-at.js';
import { startCli, type RunningCli } from '../../cli/run-cli.js';

const RUN_ENDED = 'watch: run ended';

async function say(cli: RunningCli, line: string, answer: RegExp, count = 1): Promise<void> {
  cli.child.stdin!.write(`${line}\n`);
  await cli.waitForStdout(answer, count);
}

async function quit(cli: RunningCli): Promise<void> {
  cli.child.stdin!.end();
  const run = await cli.done;
  assert.equal(run.code, 0, run.stderr.slice(-2000));
}

const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;

/** Runs of `id` a process ended so far, from its debug log. */
const runsOf = (cli: RunningCli, id: string): number => cli.output.stderr.split('\n').filter((line) => line.includes(RUN_ENDED) && line.includes(`"watchId":"${id}"`)).length;

/** Waits until the process ended `more` further runs of `id` than it had when called. */
async function moreRuns(cli: RunningCli, id: string, more: number): Promise<void> {
  const before = cli.output.stderr.split(RUN_ENDED).length - 1;
  await cli.waitForStderr(RUN_ENDED, before + more);
  // Other watches' runs count above; wait again until this one's did.
  while (runsOf(cli, id) < 1) await cli.waitForStderr(RUN_ENDED, cli.output.stderr.split(RUN_ENDED).length);
}

describe('watches in the console process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portbot-watch-'));
  const env = { PORTBOT_DATA_DIR: join(dir, 'data'), PORTBOT_WATCH_MIN_INTERVAL: '2s', PORTBOT_LOG_LEVEL: 'debug' };
  let port: number;
  let opened: Listener | undefined;
  let id = '';
  before(async () => {
    port = await closedPort();
  });
  after(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('confirmed with a baseline; quiet while nothing changes; an opened port announced once', { timeout: 120_000 }, async () => {
    const cli = startCli(['console'], env);
    try {
      await say(cli, `/watch 127.0.0.1 ${port} every 2s`, /^Watching 127\.0\.0\.1 \(watch [a-z0-9]+\)$/m);
      id = /^Watching 127\.0\.0\.1 \(watch ([a-z0-9]+)\)$/m.exec(cli.output.stdout)![1]!;
      assert.match(cli.output.stdout, new RegExp(`ports ${port}, every 2 seconds; next run `));
      assert.match(cli.output.stdout, /Baseline\n\s+127\.0\.0\.1: 0 open, 1 closed/);
      assert.match(cli.output.stdout, new RegExp(`/watch stop ${id} ends it`));

      await moreRuns(cli, id, 3);
      assert.doesNotMatch(cli.output.stdout, /changed$/m, 'nothing changed, nothing said');

      opened = await listenAt(port);
      await cli.waitForStdout(/^Watch [a-z0-9]+: 127\.0\.0\.1 changed$/m);
      assert.match(cli.output.stdout, new RegExp(`127\\.0\\.0\\.1: ${port}/tcp.* is now open \\(was closed\\)`));
      await moreRuns(cli, id, 2);
      assert.equal(count(cli.output.stdout, /is now open/), 1, 'announced once, not at every run');
      await say(cli, '/watch list', /^Watches$/m);
      assert.match(cli.output.stdout, new RegExp(`${id} · 127\\.0\\.0\\.1 · ports ${port} · every 2 seconds · next `));
      await quit(cli);
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  test('after a restart on the same data directory the watch goes on, and the port closing is announced', { timeout: 120_000 }, async () => {
    const cli = startCli(['console'], env);
    try {
      await cli.waitForStderr('watch: loaded the stored watches');
      assert.match(cli.output.stderr, /"watches":1,"msg":"watch: loaded the stored watches"/);
      await moreRuns(cli, id, 1);
      assert.doesNotMatch(cli.output.stdout, /changed$/m, 'the port is still open: compared with the stored result, nothing to say');
      await opened!.close();
      opened = undefined;
      await cli.waitForStdout(/^Watch [a-z0-9]+: 127\.0\.0\.1 changed$/m);
      assert.match(cli.output.stdout, new RegExp(`127\\.0\\.0\\.1: ${port}/tcp.* is now closed \\(was open\\)`));
      await quit(cli);
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  test('SIGKILL in the middle of a run loses no watch; the next process runs the missed slot', { timeout: 120_000 }, async () => {
    const first = startCli(['console'], env);
    let wide: string;
    try {
      await say(first, '/watch 127.0.0.1 1-65535 every 2s', /^Watching 127\.0\.0\.1 \(watch [a-z0-9]+\)$/m, 1);
      wide = /^Watching 127\.0\.0\.1 \(watch ([a-z0-9]+)\)$/m.exec(first.output.stdout)![1]!;
      // Its next run: started, its scan job recorded as running; then the process dies.
      const started = new RegExp(`"watchId":"${wide}","slot":"[^"]+","jobId":"([a-z0-9]+)","msg":"watch: run started"`);
      while (!started.test(first.output.stderr)) await first.waitForStderr('watch: run started', first.output.stderr.split('watch: run started').length);
      const jobId = started.exec(first.output.stderr)![1]!;
      while (!first.output.stderr.includes(`"jobId":"${jobId}","msg":"history: job recorded as running"`)) {
        await first.waitForStderr('history: job recorded as running', first.output.stderr.split('history: job recorded as running').length);
      }
      first.child.kill('SIGKILL');
      await first.done;
    } finally {
      first.child.kill('SIGKILL');
    }
    const again = startCli(['console'], env);
    try {
      await again.waitForStderr('watch: loaded the stored watches');
      assert.match(again.output.stderr, /"watches":2,"msg":"watch: loaded the stored watches"/);
      await moreRuns(again, wide, 1);
      await say(again, `/watch stop ${wide}`, /^Stopped watching 127\.0\.0\.1$/m);
      await say(again, '/watch list', /^Watches$/m);
      assert.match(again.output.stdout, new RegExp(`^\\s+${id} · 127\\.0\\.0\\.1`, 'm'));
      assert.doesNotMatch(again.output.stdout, new RegExp(`^\\s+${wide} ·`, 'm'));
      await quit(again);
    } finally {
      again.child.kill('SIGKILL');
    }
  });

  test('a target no longer allowed pauses the watch with one message, also after a restart', { timeout: 120_000 }, async () => {
    const narrower = { ...env, PORTBOT_ALLOWLIST: '127.0.0.2' };
    const cli = startCli(['console'], narrower);
    try {
      await cli.waitForStdout(/^Watch [a-z0-9]+ paused$/m);
      assert.match(cli.output.stdout, /Paused: 127\.0\.0\.1 is no longer allowed, so portbot stopped scanning 127\.0\.0\.1 for this watch/);
      await say(cli, '/watch list', /^Watches$/m);
      assert.match(cli.output.stdout, new RegExp(`${id} · 127\\.0\\.0\\.1 · ports ${port} · every 2 seconds · paused: 127\\.0\\.0\\.1 is no longer allowed`));
      await quit(cli);
    } finally {
      cli.child.kill('SIGKILL');
    }
    const again = startCli(['console'], narrower);
    try {
      await again.waitForStderr('watch: loaded the stored watches');
      await say(again, '/watch list', /^Watches$/m);
      assert.match(again.output.stdout, /paused: 127\.0\.0\.1 is no longer allowed/);
      assert.doesNotMatch(again.output.stdout, /^Watch [a-z0-9]+ paused$/m, 'said once: a paused watch does not run or speak again');
      await quit(again);
    } finally {
      again.child.kill('SIGKILL');
    }
  });
});
