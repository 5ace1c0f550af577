// The console as a newcomer meets it in an 80-column terminal (tmux): answers wrapped at word
// boundaries, each sentence said once, quick scans never refused, help examples that work there;
// and, in a namespace lab, a 20,000-port scan whose progress is one line redrawn in place that
// is gone when the answer comes, and after Ctrl-C.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../cli/run-cli.js';
import { useLoopbackPorts } from '../../commands/loopback.js';
import { createLabWithListeners, labSkipReason, type Lab } from '../../lab/lab.js';
import { answered, answers, isPrompt, letterWords, progressRows, repeated, type Answer } from './screen.js';
import { Terminal, tmuxSkipReason } from './terminal.js';

const COLUMNS = 80;
const skip = tmuxSkipReason();

/** Types each command and waits until it is answered (the prompt is back). */
async function session(terminal: Terminal, commands: readonly string[]): Promise<string> {
  let screen = await terminal.until('the prompt', (shown) => shown.split('\n').some(isPrompt));
  const before = answered(screen);
  for (const [index, command] of commands.entries()) {
    terminal.type(command);
    screen = await terminal.until(`the answer to ${command}`, (shown) => answered(shown) >= before + index + 1);
  }
  return screen;
}

const firstRow = (answer: Answer): string => answer.rows[0] ?? '';

/** Nothing on the screen went past the right edge (tmux joins what it wrapped itself), and no answer repeats a sentence. */
function assertReadsWell(terminal: Terminal, screen: string): void {
  assert.equal(terminal.joinedScreen(), screen, 'a row reached the edge and the terminal cut it');
  for (const answer of answers(screen)) assert.deepEqual(repeated(answer), [], `"${answer.command}" says a sentence twice:\n${answer.rows.join('\n')}`);
  assert.deepEqual(progressRows(screen), [], 'no progress line is left on the screen');
}

describe('the console in an 80-column terminal', { skip }, () => {
  const ports = useLoopbackPorts();

  test('/port 22, /port tcp vs udp, seven quick scans and help: words whole, sentences once, no refusal, examples that work', async () => {
    const quickScan = `/scan 127.0.0.1 ${ports.open.port},${ports.closed}`;
    // /history first waits for the new history store, so every scan's last line is the same on
    // the screen and in the piped run below ("First scan…", then "Since the last scan…").
    const commands = ['/history 127.0.0.1', '/port 22', '/port tcp vs udp', '/port 2222', '/port shh', '@portbot what is port 22 for?', ...Array<string>(7).fill(quickScan), 'help'];
    const terminal = Terminal.start({ columns: COLUMNS, rows: 40 });
    const pipedData = mkdtempSync(join(tmpdir(), 'portbot-piped-'));
    try {
      let screen = await session(terminal, commands);
      const help = answers(screen).at(-1)!;
      const rows = help.rows.map((row) => row.trim());
      const listed = rows.slice(rows.indexOf('Examples:') + 1);
      const examples = listed.slice(0, listed.findIndex((row) => !row.startsWith('/scan ')));
      assert.ok(examples.includes('/scan localhost 22,80') && examples.includes('/scan 127.0.0.1 1-1024'), help.rows.join('\n'));
      assert.doesNotMatch(help.rows.join('\n'), /web-1|dns-1|10\.0\.0\.5|private/, 'no chat examples the console refuses');
      screen = await session(terminal, examples);

      assertReadsWell(terminal, screen);
      const shown = answers(screen);
      assert.equal(shown.length, commands.length + examples.length);
      assert.equal(firstRow(shown[0]!), 'History of 127.0.0.1');
      assert.equal(firstRow(shown[4]!), 'Did you mean "ssh"?');
      assert.equal(firstRow(shown[5]!), 'Port 22 (TCP): Secure Shell (SSH)', 'a mention typed in the console is understood');
      assert.match(shown[3]!.rows.join(' '), /Alternate SSH/);
      assert.match(shown.at(-examples.length - 2)!.rows.join(' '), /Since the last scan \(\d+ s ago\): no change/, 'a scan says what changed since the last one');
      const scans = shown.filter((answer) => answer.command.startsWith('/scan '));
      for (const answer of scans) assert.match(firstRow(answer), /^Scan of /, `"${answer.command}" was answered with a scan:\n${answer.rows.join('\n')}`);
      assert.doesNotMatch(screen, /Scan refused|PORTBOT_SCANS_PER_MINUTE|\(private\)/);

      // Every word on the screen is a word of the same answers printed unwrapped (piped): none was cut.
      const piped = await runCli(['console'], { PORTBOT_DATA_DIR: pipedData }, [...commands, ...examples].join('\n'));
      const whole = new Set(letterWords(piped.stdout));
      const cut = letterWords(shown.flatMap((answer) => answer.rows).join('\n')).filter((word) => !whole.has(word));
      assert.deepEqual(cut, [], `words that are not whole:\n${screen}`);
    } finally {
      terminal.stop();
      rmSync(pipedData, { recursive: true, force: true });
    }
  });
});

const labSkip = skip ?? labSkipReason();

describe('a 20,000-port scan with dropped ports, the console inside the scanning namespace', { skip: labSkip }, () => {
  let lab: Lab;
  before(async () => {
    lab = await createLabWithListeners({
      prefix: 'pbc',
      hosts: [{ name: 'web', tcpPorts: [2222, 8080], iptables: [['-A', 'INPUT', '-p', 'tcp', '--dport', '10000:19999', '-j', 'DROP']] }],
    });
  });
  after(() => lab.destroy());

  test('progress is one line redrawn in place, gone when the answer comes and after Ctrl-C; the default list finds 2222 and 8080', async () => {
    const web = lab.host('web').address;
    // 200 sockets: 10,000 dropped ports need at least 10,000 x 2 tries x 100 ms / 200 = 10 s, so the
    // progress line (first after 2 s, then every 3 s) is redrawn several times, however fast the machine.
    const env = { PORTBOT_ALLOWLIST: '10.231.0.0/16,127.0.0.0/8', PORTBOT_MAX_SOCKETS: '200' };
    const terminal = Terminal.start({ columns: COLUMNS, rows: 30, env, namespace: lab.scanner });
    try {
      await terminal.until('the prompt', (shown) => shown.split('\n').some(isPrompt));
      const scan = `/scan ${web} 1-20000`;
      terminal.type(scan);
      const seen = new Set<string>();
      const watch = (shown: string): void => {
        const rows = progressRows(shown);
        assert.ok(rows.length <= 1, `one progress line at a time, never a pile:\n${shown}`);
        for (const row of rows) {
          assert.ok(row.length <= COLUMNS, row);
          seen.add(row);
        }
      };
      let screen = await terminal.until('the scan result', (shown) => answered(shown) >= 1, watch);
      assert.ok(seen.size >= 2, `the progress line was redrawn: ${[...seen].join(' | ')}`);
      const result = answers(screen).at(-1)!;
      assert.match(firstRow(result), new RegExp(`^Scan of ${web.replace(/\./g, '\\.')}$`));
      assert.match(result.rows.join('\n'), /is up \([\d.]+ ms latency\): 2 open, 9,998 closed, 10,000 filtered,\s+scanned 20,000 ports/);

      // Ctrl-C mid-scan: the partial answer, and nothing of the progress or the "stopping" line left.
      terminal.type(scan);
      await terminal.until('progress of the second scan', (shown) => progressRows(shown).length === 1);
      terminal.press('C-c');
      screen = await terminal.until('the cancelled result', (shown) => answered(shown) >= 2);
      assert.match(firstRow(answers(screen).at(-1)!), /\(cancelled\)$/);
      assert.doesNotMatch(screen, /stopping/);

      terminal.type(`/scan ${web}`);
      screen = await terminal.until('the default scan', (shown) => answered(shown) >= 3);
      const common = answers(screen).at(-1)!.rows.join('\n');
      assert.match(common, /^ {2}2222\/tcp +open +ssh-alt /m);
      assert.match(common, /^ {2}8080\/tcp +open +http-alt /m);
      assertReadsWell(terminal, screen);
    } finally {
      terminal.stop();
    }
  });
});
