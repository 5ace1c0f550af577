// A chat platform stand-in that implements the real ChatAdapter and Responder interfaces, so the
// router is driven exactly as Slack and Discord drive it, and every answer is recorded.
import type { Reply, ReplyAction } from '../../src/report/reply.js';
import type { Bot, ChatAdapter, Responder } from '../../src/commands/types.js';
import type { AuditEntry, AuditLog } from '../../src/policy/audit.js';
import type { Requester } from '../../src/policy/types.js';

export interface Conversation {
  readonly progress: Reply[];
  readonly finals: Reply[];
}

export class FakeChat implements ChatAdapter {
  readonly platform = 'slack' as const;
  #bot: Bot | undefined;

  start(bot: Bot): Promise<void> {
    this.#bot = bot;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.#bot = undefined;
    return Promise.resolve();
  }

  static requester(userId = 'U1'): Requester {
    return { platform: 'slack', userId, workspaceId: 'T1', channelId: 'C1' };
  }

  /** Sends a command; `onProgress` sees each progress reply as it arrives. */
  send(text: string, userId = 'U1', onProgress: (reply: Reply) => void = () => undefined): { conversation: Conversation; done: Promise<void> } {
    const conversation: Conversation = { progress: [], finals: [] };
    const done = this.#started().handleCommand({ text, requester: FakeChat.requester(userId) }, recorder(conversation, onProgress));
    return { conversation, done };
  }

  async ask(text: string, userId = 'U1'): Promise<Conversation> {
    const { conversation, done } = this.send(text, userId);
    await done;
    return conversation;
  }

  async press(action: ReplyAction, userId = 'U1'): Promise<Conversation> {
    const conversation: Conversation = { progress: [], finals: [] };
    await this.#started().handleAction(action, FakeChat.requester(userId), recorder(conversation, () => undefined));
    return conversation;
  }

  #started(): Bot {
    if (this.#bot === undefined) throw new Error('FakeChat: start() first');
    return this.#bot;
  }
}

function recorder(conversation: Conversation, onProgress: (reply: Reply) => void): Responder {
  return {
    progress: (reply) => {
      conversation.progress.push(reply);
      onProgress(reply);
      return Promise.resolve();
    },
    final: (reply) => {
      conversation.finals.push(reply);
      return Promise.resolve();
    },
  };
}

/** An audit log that keeps its entries for inspection. */
export function memoryAudit(): AuditLog & { readonly entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return { entries, record: (entry) => void entries.push(entry) };
}
