// The real console process in a real terminal: tmux runs it in a pane of a fixed size, keys are
// typed with send-keys, and capture-pane reads back what a person would see, scrollback included,
// after the terminal has applied every cursor move and erase. Each terminal gets its own tmux
// server (socket name with the pid), killed by stop().
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY } from '../../cli/run-cli.js';

let servers = 0;

export function tmuxSkipReason(): string | undefined {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'terminal tests need tmux: skipped (apt-get install tmux)';
  }
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export interface TerminalOptions {
  readonly columns: number;
  readonly rows: number;
  /** The console's environment, on top of PATH, HOME and TERM (nothing else leaks in). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run the console inside this network namespace (ip netns exec). */
  readonly namespace?: string;
}

export class Terminal {
  readonly #socket: string;
  readonly #dir: string;

  private constructor(socket: string, dir: string) {
    this.#socket = socket;
    this.#dir = dir;
  }

  /** Starts `portbot console` (the compiled entry the CLI tests use) in a pane of the given size. */
  static start(options: TerminalOptions): Terminal {
    const dir = mkdtempSync(join(tmpdir(), 'portbot-tmux-'));
    const config = join(dir, 'tmux.conf');
    // Enough scrollback for every answer of a session; the pane stays readable if the console exits.
    writeFileSync(config, 'set -g history-limit 50000\nset -g remain-on-exit on\nset -g status off\n');
    // Its own history store: a piped console of the same test may run beside it.
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', TERM: 'screen', PORTBOT_DATA_DIR: join(dir, 'data'), ...options.env };
    const console = ['env', '-i', ...Object.entries(env).map(([name, value]) => `${name}=${value}`), process.execPath, ENTRY.pathname, 'console'];
    const command = [...(options.namespace === undefined ? [] : ['ip', 'netns', 'exec', options.namespace]), ...console].map(quote).join(' ');
    const terminal = new Terminal(`portbot-test-${process.pid}-${servers++}`, dir);
    terminal.#tmux('-f', config, 'new-session', '-d', '-s', 'console', '-x', String(options.columns), '-y', String(options.rows), command);
    return terminal;
  }

  #tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.#socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Types `text` as keys (nothing is interpreted as a key name), then Enter. */
  type(text: string): void {
    this.#tmux('send-keys', '-t', 'console', '-l', text);
    this.#tmux('send-keys', '-t', 'console', 'Enter');
  }

  /** Presses a key by tmux's name for it, e.g. C-c. */
  press(key: string): void {
    this.#tmux('send-keys', '-t', 'console', key);
  }

  /** Everything on the screen and in its scrollback, as shown: one string per terminal row. */
  screen(): string {
    return this.#tmux('capture-pane', '-p', '-t', 'console', '-S', '-', '-E', '-').replace(/ +$/gm, '').replace(/\n+$/, '\n');
  }

  /** The same with the rows the terminal wrapped on its own (text that hit the right edge) joined back. */
  joinedScreen(): string {
    return this.#tmux('capture-pane', '-p', '-J', '-t', 'console', '-S', '-', '-E', '-').replace(/ +$/gm, '').replace(/\n+$/, '\n');
  }

  /**
   * Polls the screen until `done` holds, calling `watch` on every look (for checks that must hold
   * all along); throws with the screen if it does not happen within `patienceMs`.
   */
  async until(what: string, done: (screen: string) => boolean, watch: (screen: string) => void = () => undefined, patienceMs = 120_000): Promise<string> {
    const deadline = Date.now() + patienceMs;
    for (;;) {
      const screen = this.screen();
      watch(screen);
      if (done(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`terminal never showed ${what}:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  stop(): void {
    try {
      this.#tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
