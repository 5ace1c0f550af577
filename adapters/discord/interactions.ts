// Slash commands, buttons and autocomplete. Every command is deferred before anything else
// happens (Discord allows 3 s for the first response), then answered by editing that deferral.
import { MessageFlags } from 'discord.js';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, RepliableInteraction } from 'discord.js';
import type { ReplyAction } from '../../src/report/reply.js';
import { AnswerQueue } from './answer-queue.js';
import { portSpecChoices, scanIdChoices, topicChoices } from './autocomplete.js';
import { DIFF, HISTORY, PING, PORT, SCAN, WATCH } from './commands.js';
import { runCommand, wantsPrivate, type HandlerContext } from './context.js';
import { InteractionSink } from './interaction-sink.js';
import { NO_MENTIONS } from './render.js';
import { requesterOf } from './requester.js';
import { retryIdempotent } from './rest-retry.js';

/** Option text as one token for the core's parser: "web-1, web-2" -> "web-1,web-2". */
const squeeze = (text: string): string => text.trim().replace(/\s*,\s*/g, ',');

/** The command as the core reads it: "/scan <target> [ports] [private] [services|no-services] [all-hosts] [xml|csv]", "/port <query>" or "/ping <target> [private]". */
export function commandText(interaction: ChatInputCommandInteraction): string | null {
  if (interaction.commandName === SCAN.name) {
    const ports = squeeze(interaction.options.getString(SCAN.ports) ?? '');
    const isPrivate = interaction.options.getBoolean(SCAN.private) === true;
    const services = interaction.options.getBoolean(SCAN.services);
    const detection = services === true ? 'services' : services === false ? 'no-services' : '';
    const allHosts = interaction.options.getBoolean(SCAN.allHosts) === true ? 'all-hosts' : '';
    // A choice Discord checks (xml or csv); anything else is dropped rather than read as a port.
    const file = /^(xml|csv)$/.exec(interaction.options.getString(SCAN.file) ?? '')?.[1] ?? '';
    return ['/scan', squeeze(interaction.options.getString(SCAN.target, true)), ports, isPrivate ? 'private' : '', detection, allHosts, file]
      .filter((part) => part !== '')
      .join(' ');
  }
  if (interaction.commandName === PORT.name) return `/port ${interaction.options.getString(PORT.query, true).trim()}`;
  if (interaction.commandName === PING.name) {
    const isPrivate = interaction.options.getBoolean(PING.private) === true;
    return `/ping ${squeeze(interaction.options.getString(PING.target, true))}${isPrivate ? ' private' : ''}`;
  }
  if (interaction.commandName === HISTORY.name) return `/history ${squeeze(interaction.options.getString(HISTORY.target, true))}`;
  if (interaction.commandName === DIFF.name) {
    const ids = [interaction.options.getString(DIFF.from), interaction.options.getString(DIFF.to)].map((id) => id?.trim() ?? '').filter((id) => id !== '');
    // Both ids, else the target; anything else reaches the core's parser, which says what to type.
    return ['/diff', ...(ids.length === 2 ? ids : [squeeze(interaction.options.getString(DIFF.target) ?? ''), ...ids])].filter((part) => part !== '').join(' ');
  }
  if (interaction.commandName === WATCH.name) return watchText(interaction);
  return null;
}

/** "/watch web-1 22,80 every 6h", "/watch list", "/watch stop w3k9p": the words the typed command takes. */
function watchText(interaction: ChatInputCommandInteraction): string {
  const sub = interaction.options.getSubcommand();
  if (sub === WATCH.list) return '/watch list';
  if (sub === WATCH.stop) return `/watch stop ${interaction.options.getString(WATCH.id, true).trim()}`;
  const schedule = interaction.options.getString(WATCH.schedule, true).trim();
  // "6h" reads as "every 6h"; "daily at 06:00" and "every 6h" are already whole.
  const words = /^(every|hourly|daily|weekdays|on)\b/i.test(schedule) ? schedule : `every ${schedule}`;
  return ['/watch', squeeze(interaction.options.getString(WATCH.target, true)), squeeze(interaction.options.getString(WATCH.ports) ?? ''), words].filter((part) => part !== '').join(' ');
}

function requesterOfInteraction(interaction: RepliableInteraction | AutocompleteInteraction) {
  return requesterOf({ userId: interaction.user.id, userName: interaction.user.username, guildId: interaction.guildId, channelId: interaction.channelId, member: interaction.member });
}

/**
 * Defers, then runs `run` with a queue bound to the deferred reply; nothing is run if the deferral
 * failed. Before the interaction token runs out, a still-unanswered command moves its answer.
 */
async function deferAndRun(
  interaction: RepliableInteraction,
  ephemeral: boolean,
  context: HandlerContext,
  run: (queue: AnswerQueue) => Promise<void>,
): Promise<void> {
  try {
    await retryIdempotent(() => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
  } catch (error: unknown) {
    // Too late (over 3 s) or already answered: there is nowhere to put an answer, so do no work.
    context.logger.error({ err: error, interaction: interaction.id }, 'discord: could not defer the interaction');
    return;
  }
  const sink = new InteractionSink(interaction, { ephemeral, codec: context.codec, lifetime: context.lifetime, logger: context.logger });
  const queue = new AnswerQueue(sink, context.logger);
  const move = setTimeout(() => void queue.interject(() => sink.moveAway(), 'move'), sink.moveInMs);
  try {
    await runCommand(context, queue, () => run(queue));
  } finally {
    clearTimeout(move);
  }
}

async function onChatInput(interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void> {
  const text = commandText(interaction);
  if (text === null) {
    await interaction.reply({ content: 'portbot knows /scan, /port, /ping, /history, /diff and /watch; this command is no longer registered.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const ephemeral = (interaction.commandName === SCAN.name || interaction.commandName === PING.name) && wantsPrivate(text, context.config);
  const requester = requesterOfInteraction(interaction);
  await deferAndRun(interaction, ephemeral, context, (queue) => context.bot.handleCommand({ text, requester }, queue));
}

async function onButton(interaction: ButtonInteraction, context: HandlerContext): Promise<void> {
  if (!interaction.customId.startsWith('portbot:')) return;
  const component: unknown = interaction.component;
  // Link and premium buttons have no label; ours always do, but the payload is Discord's to shape.
  const label = typeof component === 'object' && component !== null && 'label' in component && typeof component.label === 'string' ? component.label : '';
  const action: ReplyAction | null = context.codec.decode(interaction.customId, label);
  if (action === null) {
    await interaction.reply({ content: 'This button has expired; run the command again.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  // A rescan is a new result for the channel; Cancel and Explain concern only the person who clicked.
  const ephemeral = action.kind !== 'rescan' || wantsPrivate(action.command, context.config);
  const requester = requesterOfInteraction(interaction);
  await deferAndRun(interaction, ephemeral, context, (queue) => context.bot.handleAction(action, requester, queue));
}

async function onAutocomplete(interaction: AutocompleteInteraction, context: HandlerContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = typeof focused.value === 'string' ? focused.value : '';
  if (interaction.commandName === DIFF.name) {
    // The ids of the target's recent scans that this person may see here.
    const target = squeeze(interaction.options.getString(DIFF.target) ?? '');
    const scans = target === '' || context.bot.scanChoices === undefined ? [] : await context.bot.scanChoices(requesterOfInteraction(interaction), target);
    await interaction.respond(scanIdChoices(typed, scans));
    return;
  }
  await interaction.respond(interaction.commandName === SCAN.name || interaction.commandName === WATCH.name ? portSpecChoices(typed) : topicChoices(typed));
}

export async function handleInteraction(interaction: Interaction, context: HandlerContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onChatInput(interaction, context);
    else if (interaction.isButton()) await onButton(interaction, context);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, context);
  } catch (error: unknown) {
    context.logger.error({ err: error, interaction: interaction.id }, 'discord: handling an interaction failed');
  }
}
