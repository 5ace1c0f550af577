// The console as its operator uses it with history, real processes on both stores: scan, a port
// opens, scan again (the answer's last line says what changed), /history and /diff; a second
// process refused by the embedded store with one line; a process killed with SIGKILL during a scan
// or while writing its result, then started again: the store opens, the job reads `interrupted`
// and the console says so.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closedPort, openPort, type Listener } from '../../commands/loopback.js';
import { listenAt } from '../../cli/listen-at.js';
import { startCli, type RunningCli } from '../../cli/run-cli.js';
import { bothBackends, embeddedBackend } from '../../scan/history-backends.js';

/** Sends a line and waits for the `count`-th match of its answer's first line. */
async function say(cli: RunningCli, line: string, answer: RegExp, count = 1): Promise<void> {
  cli.child.stdin!.write(`${line}\n`);
  await cli.waitForStdout(answer, count);
}

const HISTORY_ANSWER = /^(History of|Nothing to show|History is unavailable)/m;

/** A console with its store open runs a full-range scan and is killed (SIGKILL) at a log line; its environment, for the restart. */
async function killedAt(store: Record<string, string>, logLine: string): Promise<Record<string, string>> {
  const env = { ...store, PORTBOT_LOG_LEVEL: 'debug' };
  const first = startCli(['console'], env);
  await say(first, '/history 127.0.0.1', HISTORY_ANSWER);
  first.child.stdin!.write('/scan 127.0.0.1 1-65535\n');
  await first.waitForStderr(logLine);
  first.child.kill('SIGKILL');
  await first.done;
  return env;
}

for (const backend of bothBackends()) {
  describe(`the console with history: ${backend.label}`, { skip: backend.skip }, () => {
    let listener: Listener;
    let later: number;
    before(async () => {
      listener = await openPort();
      later = await closedPort();
    });
    after(async () => {
      await listener.close();
      backend.dispose();
    });

    test('scan, a port opens, scan: the answer ends with what changed; /history and /diff show it', { timeout: 60_000 }, async () => {
      const env = backend.env(await backend.location());
      const cli = startCli(['console'], env);
      try {
        await say(cli, '/history 127.0.0.1', HISTORY_ANSWER); // waits for the store: the scans below are compared
        await say(cli, `/scan 127.0.0.1 ${listener.port},${later}`, /^Scan of 127\.0\.0\.1$/m);
        assert.match(cli.output.stdout, /note: First scan of 127\.0\.0\.1 here/);
        const opened = await listenAt(later);
        try {
          await say(cli, `/scan 127.0.0.1 ${listener.port},${later}`, /^Scan of 127\.0\.0\.1$/m, 2);
        } finally {
          await opened.close();
        }
        assert.match(cli.output.stdout, new RegExp(`note: Since the last scan \\(\\d+ s ago\\): ${later}/tcp now open`));
        await say(cli, '/history 127.0.0.1', /^History of 127\.0\.0\.1$/m);
        await say(cli, '/diff 127.0.0.1', /^What changed: 127\.0\.0\.1$/m);
        cli.child.stdin!.end();
        const run = await cli.done;
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /The last 2 scans of 127\.0\.0\.1 here, newest first/);
        assert.match(run.stdout, new RegExp(`${later}/tcp\\s+open\\s+\\S+\\s+was closed`), 'the diff row: new state, and what it was');
      } finally {
        cli.child.kill('SIGKILL');
      }
    });

    test('SIGKILL during a scan, then a restart: the store opens, the job reads interrupted, the console says so', { timeout: 90_000 }, async () => {
      const env = await killedAt(backend.env(await backend.location()), 'history: job recorded as running');

      const second = startCli(['console'], env);
      try {
        await second.waitForStdout(/^Scan [a-z0-9]{5,} was interrupted$/m);
        assert.match(second.output.stdout, /Your scan of 127\.0\.0\.1 \(started .* UTC\) did not finish: portbot stopped while it ran\. Run it again: \/scan 127\.0\.0\.1 1-65535/);
        await say(second, '/history 127.0.0.1', /^History of 127\.0\.0\.1$/m);
        assert.match(second.output.stdout, /console-user {2}interrupted: the portbot process running this scan stopped before it finished/);
        second.child.stdin!.end();
        assert.equal((await second.done).code, 0);
      } finally {
        second.child.kill('SIGKILL');
      }
    });

    test('SIGKILL while the result is written, then a restart: the store opens and the job is whole (done) or interrupted', { timeout: 90_000 }, async () => {
      const env = await killedAt(backend.env(await backend.location()), 'history: recording the result');

      const second = startCli(['console'], env);
      try {
        await second.waitForStderr('history: looked for interrupted scans');
        await say(second, '/history 127.0.0.1', /^History of 127\.0\.0\.1$/m);
        const line = /^ {4}([a-z0-9]{5,}) .* console-user {2}(.*)$/m.exec(second.output.stdout);
        assert.ok(line, second.output.stdout);
        if (line[2]!.startsWith('interrupted')) assert.match(second.output.stdout, new RegExp(`^Scan ${line[1]!} was interrupted$`, 'm'));
        else assert.match(line[2]!, /^3 open, 65,532 closed$|^\d+ open, [\d,]+ closed$/, 'the whole result, or none of it');
        second.child.stdin!.end();
        assert.equal((await second.done).code, 0);
      } finally {
        second.child.kill('SIGKILL');
      }
    });
  });
}

describe('the embedded store refuses a second process', () => {
  const backend = embeddedBackend();
  after(() => backend.dispose());

  for (const args of [['console'], []]) {
    test(`\`portbot ${args.join(' ')}\` beside a running one: one line naming the other process, exit 1`, { timeout: 60_000 }, async () => {
      const env = backend.env(await backend.location());
      const holder = startCli(['console'], env);
      try {
        await say(holder, '/history 127.0.0.1', HISTORY_ANSWER);
        // Its input stays open: the refusal, not the end of input, ends it.
        const second = startCli(args, env);
        const run = await second.done;
        assert.equal(run.code, 1);
        const pid = String(holder.child.pid);
        assert.equal(run.stderr, `portbot: the data directory ${env['PORTBOT_DATA_DIR']!} is in use by process ${pid}; stop that portbot, or set PORTBOT_DATABASE_URL to share history between processes\n`);
      } finally {
        holder.child.stdin!.end();
        await holder.done;
      }
    });
  }
});
