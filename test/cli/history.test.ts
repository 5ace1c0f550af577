// `portbot scan --save`, `portbot history` and `portbot diff` as scripts run them, on both stores:
// the result first, then the line on what changed and the saved id; the JSON documents of the
// README with exactly their keys; ndiff's layout; and the exit codes (2 a malformed id, 1 nothing
// to show).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closedPort, openPort, type Listener } from '../commands/loopback.js';
import { bothBackends } from '../scan/history-backends.js';
import { serviceNames } from '../../src/report/service-names.js';
import { listenAt } from './listen-at.js';
import { lines, runCli } from './run-cli.js';
import { csvReaderSkipReason, documentFile, readWithPythonCsv } from '../report/document-readers.js';

/** The registered service name of a port, as the diff's text shows it (empty when IANA names none). */
const diffService = (port: number): string => serviceNames(port, 'tcp') ?? '';

for (const backend of bothBackends()) {
  describe(`scan --save, history and diff: ${backend.label}`, { skip: backend.skip }, () => {
    let env: Record<string, string>;
    let always: Listener;
    let later: number;
    const ids: string[] = [];

    before(async () => {
      env = backend.env(await backend.location());
      always = await openPort();
      later = await closedPort();
    });
    after(async () => {
      await always.close();
      backend.dispose();
    });

    const save = async (): Promise<string> => {
      const run = await runCli(['scan', '127.0.0.1', `${always.port},${later}`, '--save'], env);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      const saved = /^Saved as scan ([a-z0-9]{5,}) \(portbot history 127\.0\.0\.1\)\.$/m.exec(run.stdout);
      assert.ok(saved, run.stdout);
      ids.push(saved[1]!);
      return run.stdout;
    };

    test('the first --save prints the result, says it is the first scan, and the id', async () => {
      const out = await save();
      assert.equal(lines(out)[0], 'portbot scan report for 127.0.0.1');
      assert.match(out, /^First scan of 127\.0\.0\.1 here: the next one will say what changed since the last scan\.$/m);
    });

    test('after a port opens, --save says so, and diff shows it as ndiff does', async () => {
      const opened = await listenAt(later);
      try {
        const out = await save();
        assert.match(out, new RegExp(`^Since the last scan \\(\\d+ s ago\\): ${later}/tcp now open$`, 'm'));
      } finally {
        await opened.close();
      }
      const text = await runCli(['diff', '127.0.0.1'], env);
      assert.equal(text.code, 0, text.stderr);
      assert.deepEqual(lines(text.stdout).slice(0, 2), [`-portbot scan ${ids[0]!} (${lines(text.stdout)[0]!.slice(-21, -1)})`, `+portbot scan ${ids[1]!} (${lines(text.stdout)[1]!.slice(-21, -1)})`]);
      assert.match(text.stdout, new RegExp(`^ 127\\.0\\.0\\.1:\\n PORT\\s+STATE\\s+SERVICE\\n-${later}/tcp\\s+closed.*\\n\\+${later}/tcp\\s+open`, 'm'));
    });

    test('history --json: the scans, newest first, with exactly the documented keys', async () => {
      const run = await runCli(['history', '127.0.0.1', '--json'], env);
      assert.equal(run.code, 0, run.stderr);
      const document = JSON.parse(run.stdout) as { scans: Record<string, unknown>[] };
      assert.deepEqual(Object.keys(document), ['scans']);
      assert.deepEqual(document.scans.map((scan) => scan['id']), [...ids].reverse());
      const [newest] = document.scans;
      assert.deepEqual(Object.keys(newest!).sort(), ['address', 'finishedAt', 'id', 'requester', 'startedAt', 'status', 'summary', 'target']);
      assert.deepEqual([newest!['target'], newest!['address'], newest!['status'], newest!['summary']], ['127.0.0.1', '127.0.0.1', 'done', { open: 2 }]);
      assert.match(String(newest!['startedAt']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal((newest!['requester'] as { platform: string }).platform, 'cli');
      const text = await runCli(['history', '127.0.0.1'], env);
      assert.equal(lines(text.stdout).length, 2);
    });

    test('diff --json, by target or by two ids: from/to and the changed ports, nmap states', async () => {
      const expected = {
        from: { id: ids[0]! },
        to: { id: ids[1]! },
        changes: [{ address: '127.0.0.1', port: later, protocol: 'tcp', from: 'closed', to: 'open' }],
      };
      for (const args of [['diff', '127.0.0.1', '--json'], ['diff', ids[1]!, ids[0]!, '--json']]) {
        const run = await runCli(args, env);
        assert.equal(run.code, 0, run.stderr);
        const document = JSON.parse(run.stdout) as { from: { id: string; startedAt: string }; to: { id: string; startedAt: string }; changes: unknown[] };
        assert.deepEqual(Object.keys(document.from), ['id', 'startedAt']);
        assert.deepEqual({ from: { id: document.from.id }, to: { id: document.to.id }, changes: document.changes }, expected, args.join(' '));
      }
    });

    test('history --csv and diff --csv: a header, one row per scan / per changed port, as Python’s csv module reads them', { skip: csvReaderSkipReason() }, async () => {
      const history = await runCli(['history', '127.0.0.1', '--csv'], env);
      assert.equal(history.code, 0, history.stderr);
      assert.match(history.stdout, /\r\n$/, 'RFC 4180 line ends');
      const [header, ...scans] = readWithPythonCsv(documentFile(history.stdout, 'csv'));
      assert.deepEqual(header, ['id', 'when', 'who', 'targets', 'ports', 'status', 'open', 'closed', 'filtered', 'open|filtered']);
      assert.deepEqual(scans.map((row) => row[0]), [...ids].reverse(), 'newest first, like the text and JSON');
      const [newest, oldest] = scans;
      assert.match(newest![1]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.notEqual(newest![2], '');
      assert.deepEqual(newest!.slice(3), ['127.0.0.1', `${always.port},${later}`, 'done', '2', '0', '0', '0']);
      assert.deepEqual(oldest!.slice(5), ['done', '1', '1', '0', '0']);

      for (const args of [['diff', '127.0.0.1', '--csv'], ['diff', ids[1]!, ids[0]!, '--csv']]) {
        const diff = await runCli(args, env);
        assert.equal(diff.code, 0, diff.stderr);
        assert.deepEqual(readWithPythonCsv(documentFile(diff.stdout, 'csv')), [
          ['address', 'port', 'protocol', 'before', 'after', 'service'],
          ['127.0.0.1', String(later), 'tcp', 'closed', 'open', diffService(later)],
        ], args.join(' '));
      }
      const none = await runCli(['history', 'nothing.example', '--csv'], env);
      assert.deepEqual([none.code, none.stdout], [1, 'id,when,who,targets,ports,status,open,closed,filtered,open|filtered\r\n'], 'a script still gets a header it can read');
      const conflict = await runCli(['history', '127.0.0.1', '--csv', '--json'], env);
      assert.deepEqual([conflict.code, lines(conflict.stderr).length], [2, 1]);
      const xml = await runCli(['diff', '127.0.0.1', '--xml'], env);
      assert.equal(xml.code, 2);
      assert.match(xml.stderr, /--xml is for `portbot scan`; `portbot diff` prints text, --json or --csv/);
    });

    test('exit codes: a malformed id 2, an unknown id or no history 1, each with one line', async () => {
      const malformed = await runCli(['diff', '12', ids[0]!], env);
      assert.deepEqual([malformed.code, lines(malformed.stderr).length], [2, 1]);
      assert.match(malformed.stderr, /^portbot: "12" is not a scan id/);
      const unknown = await runCli(['diff', 'zzzzz', ids[0]!], env);
      assert.deepEqual([unknown.code, unknown.stderr], [1, 'portbot: no scan zzzzz in history\n']);
      const none = await runCli(['history', 'nothing.example', '--json'], env);
      assert.deepEqual([none.code, none.stderr, JSON.parse(none.stdout)], [1, 'portbot: no scans of nothing.example in history\n', { scans: [] }]);
      const one = await runCli(['diff', 'localhost'], env);
      assert.equal(one.code, 1);
    });

    test('--save with a document: the document alone on stdout, still recorded', async () => {
      const run = await runCli(['scan', '127.0.0.1', String(always.port), '--json', '--save'], env);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(Object.keys(JSON.parse(run.stdout) as object).sort(), ['durationMs', 'hosts']);
      const history = JSON.parse((await runCli(['history', '127.0.0.1', '--json'], env)).stdout) as { scans: unknown[] };
      assert.equal(history.scans.length, 3);
    });
  });
}
