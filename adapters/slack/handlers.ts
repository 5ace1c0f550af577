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
import { ResponseUrl, type ResponseUrlLifetime } from './response-url.js';
import { plainMessageText, stripMentions } from './mentions.js';
import type { SlackClients } from './web-clients.js';

export interface HandlerDependencies {
  readonly bot: Bot;
  readonly clients: SlackClients;
  readonly logger: Logger;
  /** Work still running after its listener returned; stop() waits for it. */
  readonly inFlight: Set<Promise<void>>;
  /** The workspace the bot token belongs to (auth.test): the default of PORTBOT_ALLOWED_WORKSPACES. */
  readonly botWorkspaceId: string | undefined;
  readonly responseUrlLifetime: ResponseUrlLifetime;
}

/** The requesting person's own team first: in a Slack Connect channel it differs from the host's. */
const firstText = (...candidates: unknown[]): string | undefined => candidates.find((value): value is string => typeof value === 'string' && value !== '');

export function registerHandlers(app: App, deps: HandlerDependencies): void {
  const seenEvents = new RecentIds();
  const requester = (userId: string, workspaceId: string | undefined, channelId: string): Requester => ({
    platform: 'slack',
    userId,
    channelId,
    ...(workspaceId === undefined ? {} : { workspaceId }),
    ...(deps.botWorkspaceId === undefined ? {} : { botWorkspaceId: deps.botWorkspaceId }),
  });
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

  app.command(/^\/(scan|port|ping|history|diff|watch)$/, async ({ command, ack, respond }) => {
    const text = `${command.command} ${command.text}`.trim();
    // A ping goes through the scan policy like a scan: its refusals must stay as private.
    // A new watch runs its baseline scan first: the same private note as a scan (list and stop answer at once).
    const startsWatch = command.command === '/watch' && command.text.trim() !== '' && !/^(list|ls|stop|help)\b/i.test(command.text.trim());
    const isScan = command.command === '/scan' || command.command === '/ping' || startsWatch;
    // The note is ephemeral: a refused target must not be announced to the channel. It stays
    // (Slack cannot replace a slash command's ephemeral); the answer follows as its own message.
    await (isScan ? ack({ response_type: 'ephemeral', text: `:hourglass_flowing_sand: Working on \`${escapeCode(text)}\`…` }) : ack());
    const team = firstText((command as unknown as { user_team?: unknown }).user_team, command.team_id);
    const responseUrl = new ResponseUrl(respond, deps.responseUrlLifetime);
    run({ channelId: command.channel_id, userId: command.user_id, responseUrl }, (responder) =>
      deps.bot.handleCommand({ text, requester: { ...requester(command.user_id, team, command.channel_id), ...(command.user_name ? { userName: command.user_name } : {}) } }, responder),
    );
  });

  app.event('app_mention', ({ event, body, context }) => {
    if (!seenEvents.firstTime(body.event_id) || event.bot_id !== undefined || event.user === undefined) return Promise.resolve();
    const text = plainMessageText(stripMentions(event.text, context.botUserId)) || 'help';
    const team = firstText((event as unknown as { user_team?: unknown }).user_team, event.team, body.team_id);
    const conversation = { channelId: event.channel, userId: event.user, ...(event.thread_ts === undefined ? {} : { threadTs: event.thread_ts }) };
    const who = requester(event.user, team, event.channel);
    run(conversation, (responder) => deps.bot.handleCommand({ text, requester: who }, responder));
    return Promise.resolve();
  });

  app.action(actionIdPattern, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const replyAction = actionFromButton(action.action_id, action.value ?? '', action.text.text);
    const container: unknown = body.container;
    const channelId = body.channel?.id ?? (container as { channel_id?: unknown } | undefined)?.channel_id;
    if (replyAction === undefined || typeof channelId !== 'string') return;
    const who = requester(body.user.id, firstText(body.user.team_id, body.team?.id), channelId);
    run({ channelId, userId: body.user.id, responseUrl: new ResponseUrl(respond, deps.responseUrlLifetime) }, (responder) => deps.bot.handleAction(replyAction, who, responder));
  });
}
