// Drives the real console adapter through in-memory streams, as a person at a piped terminal.
// A final answer is exactly what the adapter wrote while the bot delivered it to the responder.
import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../../adapters/console/index.js';
import type { Bot, ChatAdapter, Responder } from '../../../src/commands/types.js';
import type { ContractAnswer, ContractDriver } from '../contract.js';

export class ConsoleDriver implements ContractDriver {
  readonly name = 'console';
  readonly #input = new PassThrough();
  readonly #output = new PassThrough();
  #written = '';
  #adapter: ChatAdapter | undefined;
  #finished: (() => void) | undefined;
  #answers: ContractAnswer[] = [];

  constructor() {
    this.#output.on('data', (chunk: Buffer) => (this.#written += chunk.toString()));
  }

  async start(bot: Bot): Promise<void> {
    // Observe the bot from the outside: where each final answer starts and when a command is done.
    const observed: Bot = {
      ...bot,
      handleCommand: async (command, responder) => {
        await bot.handleCommand(command, this.#observe(responder));
        this.#finished?.();
      },
    };
    this.#adapter = createConsoleAdapter({ input: this.#input, output: this.#output, interactive: false, colour: false, onQuit: () => undefined });
    await this.#adapter.start(observed);
  }

  async send(text: string): Promise<readonly ContractAnswer[]> {
    this.#answers = [];
    const done = new Promise<void>((resolve) => (this.#finished = resolve));
    this.#input.write(`${text}\n`);
    await done;
    return this.#answers;
  }

  async stop(): Promise<void> {
    this.#input.end();
    await this.#adapter?.stop();
  }

  #observe(responder: Responder): Responder {
    return {
      progress: (reply) => responder.progress(reply),
      final: async (reply) => {
        const before = this.#written.length;
        await responder.final(reply);
        // The output stream delivers asynchronously: wait a turn so what was written is read back.
        await new Promise((resolve) => setImmediate(resolve));
        const text = this.#written.slice(before);
        // A terminal has one reader, so the console marks nothing private; the contract's notion of
        // private is what the bot asked for, which the console honours by answering only there.
        this.#answers.push({ text, private: reply.visibility === 'requester' });
      },
    };
  }
}
