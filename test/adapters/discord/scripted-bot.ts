// A Bot that answers from a script, implementing the real Bot interface: for adapter behaviour
// that must not depend on the core's wording (progress edits, huge results, a second final).
import type { Reply, ReplyAction } from '../../../src/report/reply.js';
import type { Bot, IncomingCommand, Responder } from '../../../src/commands/types.js';
import type { Requester } from '../../../src/policy/types.js';

export type Script = (command: { text: string; requester: Requester; action?: ReplyAction }, responder: Responder) => Promise<void>;

export class ScriptedBot implements Bot {
  readonly commands: IncomingCommand[] = [];
  readonly actions: { action: ReplyAction; requester: Requester }[] = [];
  constructor(private readonly script: Script) {}

  async handleCommand(command: IncomingCommand, responder: Responder): Promise<void> {
    this.commands.push(command);
    await this.script(command, responder);
  }

  async handleAction(action: ReplyAction, requester: Requester, responder: Responder): Promise<void> {
    this.actions.push({ action, requester });
    await this.script({ text: `action:${action.kind}`, requester, action }, responder);
  }

  async shutdown(): Promise<void> {}
}

/** A scan-like Reply; an override of `undefined` removes that optional field. */
export function reply(overrides: { [K in keyof Reply]?: Reply[K] | undefined } = {}): Reply {
  const built: Record<string, unknown> = {
    title: 'Scan of 127.0.0.1',
    summary: '127.0.0.1: 1 open, 1 closed, scanned 2 ports in 0.1 s',
    tone: 'success',
    visibility: 'channel',
    rows: [{ port: '22/tcp', state: 'open', service: 'ssh', reason: 'syn-ack', note: 'Remote shell; keep it key-only.', warning: false }],
    folded: 'Not shown: 1 closed tcp port (conn-refused)',
    sections: [],
    notes: [],
    actions: [{ kind: 'rescan', label: 'Rescan', command: '/scan 127.0.0.1 22,23' }],
    ...overrides,
  };
  for (const [key, value] of Object.entries(built)) if (value === undefined) delete built[key];
  return built as unknown as Reply;
}
