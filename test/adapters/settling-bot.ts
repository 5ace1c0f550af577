// Wraps a real Bot and counts finished commands and actions, so an adapter test knows when every
// answer has gone out instead of sleeping and hoping.
import type { Bot, IncomingCommand, Responder } from '../../src/commands/types.js';

export class SettlingBot implements Bot {
  private finished = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  /** Every command the adapter handed to the bot, in arrival order. */
  readonly commands: IncomingCommand[] = [];
  constructor(readonly inner: Bot) {}

  get count(): number {
    return this.finished;
  }

  /** Resolves when `count` commands or actions (in total, since start) have finished. */
  until(count: number): Promise<void> {
    if (this.finished >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private async track(work: Promise<void>): Promise<void> {
    try {
      await work;
    } finally {
      this.finished += 1;
      this.waiters = this.waiters.filter((waiter) => (waiter.count <= this.finished ? (waiter.resolve(), false) : true));
    }
  }

  handleCommand: Bot['handleCommand'] = (command: IncomingCommand, responder: Responder) => {
    this.commands.push(command);
    return this.track(this.inner.handleCommand(command, responder));
  };
  handleAction: Bot['handleAction'] = (action, requester, responder) => this.track(this.inner.handleAction(action, requester, responder));
  shutdown: Bot['shutdown'] = () => this.inner.shutdown();
  scanChoices: NonNullable<Bot['scanChoices']> = (requester, target) => this.inner.scanChoices?.(requester, target) ?? Promise.resolve([]);
}
