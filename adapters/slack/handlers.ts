// Slack events -> the bot. Every listener acknowledges first (Slack gives 3 s; a scan takes longer),
// then hands the command to the core without awaiting it, so the listener returns at once.
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Requester } from '../../src/policy/types.js';
import type { Bot, Responder } from '../../src/commands/types.js';
import { errorReply } from '../../src/report/problem-reply.js';
import { escapeCode } from './escape.js';
import { actionFromButton, actionIdPattern } from './render-actions.js';
import { RecentIds } from './recent-ids.js';
import { SlackResponder, type Conversation } from './responder.js';
import { plainMessageText, stripMentions } from './mentions.js';
import type { SlackClients } from './web-clients.js';

export interface HandlerDependencies {
  readonly bot: Bot;
  readonly clients: SlackClients;
  readonly logger: Logger;
  /** Work still running after its listener returned; stop() waits for it. */
  readonly inFlight: Set<Promise<void>>;
}

export function registerHandlers(app: App, deps: HandlerDependencies): void {
  const seenEvents = new RecentIds();
  const run = (conversation: Conversation, work: (responder: Responder) => Promise<void>): void => {
    const responder = new SlackResponder(deps.clients, conversation, deps.logger);
    const task = work(responder)
      .then(() => {
        if (!responder.answered) deps.logger.error('slack: the bot finished a command without a final answer');
      })
      .catch(async (error: unknown) => {
        deps.logger.error({ err: error }, 'slack: the bot failed on a command');
        if (!responder.answered) await responder.final(errorReply('slack-adapter'));
      })
      .finally(() => deps.inFlight.delete(task));
    deps.inFlight.add(task);
  };

  app.command(/^\/(scan|port)$/, async ({ command, ack, respond }) => {
    const text = `${command.command} ${command.text}`.trim();
    const isScan = command.command === '/scan';
    // The note is ephemeral: a refused target must not be announced to the channel.
    await (isScan ? ack({ response_type: 'ephemeral', text: `:hourglass_flowing_sand: Working on \`${escapeCode(text)}\`…` }) : ack());
    const requester = slackRequester(command.user_id, command.team_id, command.channel_id);
    run({ channelId: command.channel_id, userId: command.user_id, respond, ackNote: isScan }, (responder) =>
      deps.bot.handleCommand({ text, requester }, responder),
    );
  });

  app.event('app_mention', ({ event, body, context }) => {
    if (!seenEvents.firstTime(body.event_id) || event.bot_id !== undefined || event.user === undefined) return Promise.resolve();
    const text = plainMessageText(stripMentions(event.text, context.botUserId)) || 'help';
    const requester = slackRequester(event.user, event.team ?? body.team_id, event.channel);
    const conversation = { channelId: event.channel, userId: event.user, ackNote: false, ...(event.thread_ts === undefined ? {} : { threadTs: event.thread_ts }) };
    run(conversation, (responder) => deps.bot.handleCommand({ text, requester }, responder));
    return Promise.resolve();
  });

  app.action(actionIdPattern, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const replyAction = actionFromButton(action.action_id, action.value ?? '', action.text.text);
    const container: unknown = body.container;
    const channelId = body.channel?.id ?? (container as { channel_id?: unknown } | undefined)?.channel_id;
    if (replyAction === undefined || typeof channelId !== 'string') return;
    const requester = slackRequester(body.user.id, body.team?.id ?? body.user.team_id, channelId);
    run({ channelId, userId: body.user.id, respond, ackNote: false }, (responder) => deps.bot.handleAction(replyAction, requester, responder));
  });
}

function slackRequester(userId: string, workspaceId: string | undefined, channelId: string): Requester {
  return { platform: 'slack', userId, channelId, ...(workspaceId === undefined ? {} : { workspaceId }) };
}
