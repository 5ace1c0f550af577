// Gateway dispatch payloads as Discord sends them, for the stand-in to deliver to discord.js.
import { snowflake, type StandInIds } from './ids.js';

export interface Person {
  readonly userId: string;
  readonly channelId?: string;
  readonly roleIds?: readonly string[];
}

function user(userId: string) {
  return { id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', avatar: null, global_name: null };
}

function base(ids: StandInIds, person: Person, type: number) {
  const channelId = person.channelId ?? ids.channelId;
  return {
    id: snowflake(),
    application_id: ids.applicationId,
    type,
    token: `token-${snowflake()}`,
    version: 1,
    guild_id: ids.guildId,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: ids.guildId, name: 'general' },
    member: { user: user(person.userId), roles: person.roleIds ?? [], joined_at: new Date().toISOString(), permissions: '0', deaf: false, mute: false, flags: 0 },
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  };
}

export type Option = { readonly name: string; readonly type: number; readonly value: string | boolean; readonly focused?: boolean };

export const stringOption = (name: string, value: string, focused = false): Option => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
export const booleanOption = (name: string, value: boolean): Option => ({ name, type: 5, value });

/** INTERACTION_CREATE for a slash command (type 2, chat input). */
export function slashCommand(ids: StandInIds, person: Person, name: string, options: readonly Option[]) {
  return { ...base(ids, person, 2), data: { id: snowflake(), name, type: 1, options } };
}

/** INTERACTION_CREATE for autocomplete (type 4); one option carries `focused`. */
export function autocomplete(ids: StandInIds, person: Person, name: string, options: readonly Option[]) {
  return { ...base(ids, person, 4), data: { id: snowflake(), name, type: 1, options } };
}

/** INTERACTION_CREATE for a button click (type 3) on a message of the bot's carrying `components`. */
export function buttonClick(ids: StandInIds, person: Person, customId: string, components: unknown[]) {
  const payload = base(ids, person, 3);
  return {
    ...payload,
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: snowflake(),
      channel_id: payload.channel_id,
      author: ids.botUser,
      content: '',
      embeds: [],
      components,
      attachments: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      type: 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
    },
  };
}

/** MESSAGE_CREATE in the guild's channel; `mentionsBot` puts the bot in the mentions as Discord does. */
export function guildMessage(ids: StandInIds, person: Person, content: string, mentionsBot: boolean) {
  return {
    id: snowflake(),
    channel_id: person.channelId ?? ids.channelId,
    guild_id: ids.guildId,
    author: user(person.userId),
    member: { roles: person.roleIds ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: mentionsBot ? [{ ...ids.botUser, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
    components: [],
  };
}
