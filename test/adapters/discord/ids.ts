// Ids of the stand-in's one guild, channel and bot, and a snowflake source for everything else.
let next = 1_300_000_000_000_000_000n;

/** A fresh, unique snowflake-shaped id. */
export function snowflake(): string {
  next += 1n;
  return next.toString();
}

export interface StandInIds {
  readonly applicationId: string;
  readonly botUser: { readonly id: string; readonly username: string; readonly discriminator: string; readonly avatar: null; readonly global_name: string; readonly bot: true };
  readonly guildId: string;
  readonly channelId: string;
  readonly roleId: string;
  dmChannelFor(userId: string): string;
}

/** `channelId`, `guildId`: the guild and its one text channel, when a test needs known ids. */
export function standInIds(channelId?: string, guildId?: string): StandInIds {
  const dmChannels = new Map<string, string>();
  const applicationId = snowflake();
  return {
    applicationId,
    botUser: { id: applicationId, username: 'portbot', discriminator: '0', avatar: null, global_name: 'portbot', bot: true },
    guildId: guildId ?? snowflake(),
    channelId: channelId ?? snowflake(),
    roleId: snowflake(),
    dmChannelFor(userId) {
      const existing = dmChannels.get(userId);
      if (existing !== undefined) return existing;
      const id = snowflake();
      dmChannels.set(userId, id);
      return id;
    },
  };
}
