// Who asked, by Discord ids only (display names can be changed by anyone to anything).
import { GuildMember } from 'discord.js';
import type { APIInteractionGuildMember } from 'discord.js';
import type { Requester } from '../../src/policy/types.js';

interface Origin {
  readonly userId: string;
  /** The account's username, kept for history lines only. */
  readonly userName?: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly member: GuildMember | APIInteractionGuildMember | null;
}

/** Role ids of the member; the @everyone role (whose id is the guild's) says nothing, so it is left out. */
function roleIds(member: Origin['member'], guildId: string | null): readonly string[] | undefined {
  if (member === null) return undefined;
  // A cached guild gives a GuildMember; an uncached one (no Guilds intent yet) the raw payload.
  const ids = member instanceof GuildMember ? [...member.roles.cache.keys()] : member.roles;
  return ids.filter((id) => id !== guildId);
}

export function requesterOf(origin: Origin): Requester {
  const roles = roleIds(origin.member, origin.guildId);
  return {
    platform: 'discord',
    userId: origin.userId,
    ...(origin.userName === undefined || origin.userName === '' ? {} : { userName: origin.userName }),
    ...(origin.guildId === null ? {} : { workspaceId: origin.guildId }),
    ...(origin.channelId === null ? {} : { channelId: origin.channelId }),
    ...(roles === undefined ? {} : { roleIds: roles }),
  };
}
