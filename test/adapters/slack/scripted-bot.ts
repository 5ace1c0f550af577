// A Bot that answers from a script instead of running commands: it implements the real Bot
// interface, so tests can drive progress-then-final sequences and failures through the adapter.
import type { Bot, IncomingCommand, Responder } from '../../../src/commands/types.js';
import type { Reply, ReplyAction } from '../../../src/report/reply.js';
import type { Requester } from '../../../src/policy/types.js';

export const reply = (overrides: Partial<Reply> = {}): Reply => ({
  title: 'Scan of 127.0.0.1',
  summary: '127.0.0.1: 1 open, scanned 1 port in 0.1 s',
  tone: 'success',
  visibility: 'channel',
  rows: [{ port: '22/tcp', state: 'open', service: 'ssh', reason: 'syn-ack', note: 'Remote shell.' }],
  sections: [],
  notes: [],
  actions: [],
  ...overrides,
});

export const progressReply = reply({ title: 'Scanning 127.0.0.1', summary: '10 of 100 ports', tone: 'progress', rows: [] });

export class ScriptedBot implements Bot {
  readonly actions: { action: ReplyAction; requester: Requester }[] = [];
  constructor(private readonly script: (command: IncomingCommand, responder: Responder) => Promise<void>) {}

  handleCommand(command: IncomingCommand, responder: Responder): Promise<void> {
    return this.script(command, responder);
  }

  async handleAction(action: ReplyAction, requester: Requester, responder: Responder): Promise<void> {
    this.actions.push({ action, requester });
    await responder.final(reply({ title: `pressed ${action.kind}`, visibility: 'requester' }));
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
