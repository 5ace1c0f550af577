// The terminal chat, portbot's default with no tokens: one command per line, answered in order,
// so it works typed by a person (prompt, colour, Ctrl-C cancels a scan) and piped by a script
// (no prompt, no colour, every line answered, then the CLI exits 0 at end of input). On a
// terminal, answers are wrapped to its width and a scan's progress is one line redrawn in place
// (log-update) that is erased when the answer comes; piped output stays plain lines. A file a
// scan asked for (xml, csv) is saved to disk and the answer says where.
import { createLogUpdate } from 'log-update';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Reply } from '../../src/report/reply.js';
import type { Bot, ChatAdapter, PostOutcome, Responder } from '../../src/commands/types.js';
import type { Requester } from '../../src/policy/types.js';
import { colour, plain, type Paint } from './ansi.js';
import { withFileLine } from '../../src/report/file-line.js';
import { renderNotice, renderProgress, renderReply } from './render.js';
import { saveRequestedFile } from './save-file.js';

export interface ConsoleAdapterOptions {
  readonly input: Readable;
  /** A terminal (isTTY, columns: process.stdout) gets wrapped answers and in-place progress. */
  readonly output: Writable & { readonly isTTY?: boolean; readonly columns?: number };
  /** A person at a terminal: show a prompt and greeting, catch Ctrl-C. */
  readonly interactive: boolean;
  readonly colour: boolean;
  /** Called once the user typed exit/quit or input ended, after every earlier line was answered. */
  readonly onQuit: () => void;
  readonly userId?: string;
  /** Where files a scan asks for are saved; the working directory by default. */
  readonly filesDir?: string;
}

const GREETING = 'portbot console: try /scan localhost 22,80 · /port 22 · help · exit\n';
const QUIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit']);

export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter {
  const paint: Paint = options.colour ? colour : plain;
  const requester: Requester = { platform: 'console', userId: options.userId ?? 'console-user', channelId: 'terminal' };
  let readline: Interface | undefined;
  let queue: Promise<void> = Promise.resolve();
  let runningScanId: string | undefined;
  let quitting = false;
  /** Commands read and not yet answered: a notice printed meanwhile needs no prompt after it. */
  let busy = 0;

  const { output } = options;
  // One progress line at a time, rewritten in place; `clear` erases it before anything else is written.
  const live = output.isTTY === true ? createLogUpdate(output, { showCursor: true }) : undefined;
  const width = (): number => (live !== undefined && output.columns !== undefined && output.columns > 0 ? output.columns : Infinity);
  const write = (text: string): void => {
    live?.clear();
    output.write(text);
  };
  const prompt = (): void => {
    live?.clear();
    if (options.interactive && !quitting) readline?.prompt();
  };
  const responder: Responder = {
    progress: (reply: Reply) => {
      runningScanId = reply.actions.find((action) => action.kind === 'cancel')?.scanId ?? runningScanId;
      if (live !== undefined) live(renderProgress(reply, paint, width()));
      else write(`${renderProgress(reply, paint)}\n`);
      return Promise.resolve();
    },
    final: async (reply: Reply) => {
      const shown = reply.file === undefined ? reply : withFileLine(reply, await saveRequestedFile(reply.file, options.filesDir ?? process.cwd()));
      write(renderReply(shown, paint, width()));
    },
  };

  const quit = (): void => {
    if (quitting) return;
    quitting = true;
    live?.clear();
    // Lines already read are answered first; only then does the CLI shut down.
    void queue.then(() => options.onQuit());
  };

  const enqueue = (bot: Bot, line: string): void => {
    const text = line.trim();
    if (quitting) return;
    if (QUIT_WORDS.has(text.toLowerCase())) return quit();
    if (text === '') return prompt();
    busy++;
    queue = queue.then(async () => {
      await bot.handleCommand({ text, requester }, responder);
      runningScanId = undefined;
      busy--;
      prompt();
    });
  };

  return {
    platform: 'console',
    start: (bot: Bot) => {
      readline = createInterface({ input: options.input, terminal: options.interactive, ...(options.interactive ? { output } : {}) });
      readline.setPrompt(paint.bold('portbot> '));
      readline.on('line', (line) => enqueue(bot, line));
      readline.on('close', quit);
      // Output broke (`portbot console | head` and the reader left: EPIPE): nobody can see answers
      // any more, so leave as if told to, instead of dying on an unhandled stream error.
      output.on('error', quit);
      // Raw-mode terminals deliver Ctrl-C here instead of as SIGINT: cancel the scan if one runs, else leave.
      readline.on('SIGINT', () => {
        if (runningScanId === undefined) return quit();
        void bot.handleAction({ kind: 'cancel', label: 'Cancel', scanId: runningScanId }, requester, {
          progress: () => Promise.resolve(),
          // "Stopping…" stands where the progress line was, until the partial result replaces it.
          final: (reply) => {
            if (live !== undefined && runningScanId !== undefined) live(renderNotice(reply, paint, width()));
            else write(`${renderNotice(reply, paint)}\n`);
            return Promise.resolve();
          },
        });
      });
      if (options.interactive) write(paint.dim(GREETING));
      prompt();
      return Promise.resolve();
    },
    // Notices outside a command (a scan interrupted by an earlier run, a record that failed) are printed.
    post: (_place, reply) => {
      write(renderReply(reply, paint, width()));
      if (busy === 0) prompt();
      return Promise.resolve<PostOutcome>({ delivered: true, where: 'terminal' });
    },
    stop: async () => {
      quitting = true;
      await queue;
      live?.clear();
      readline?.close();
    },
  };
}
