// Registers the slash commands with one bulk overwrite (PUT), so the registered set is always
// exactly commands.ts: renamed or removed commands disappear instead of lingering. Commands
// registered to a test guild stay there when portbot later registers globally, and that guild's
// members then see every command twice: `clearGuilds` empties such guilds' own sets, and guilds
// listed in PORTBOT_ALLOWED_GUILDS that still hold one are reported.
import { REST, Routes } from 'discord.js';
import type { Config } from '../../src/config.js';
import { inputProblem, type InputProblem } from '../../src/errors.js';
import { err, ok, type Result } from '../../src/result.js';
import { commandDefinitions } from './commands.js';

export interface Registration {
  /** 'guild' registers to one server (instant, for testing); 'global' to every server (may take a while to show). */
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
  /** Guilds whose own command set was emptied (--clear-guild). */
  readonly cleared: readonly string[];
  /** Guilds (of PORTBOT_ALLOWED_GUILDS) that still have their own commands beside the global ones. */
  readonly leftovers: readonly string[];
}

export interface RegisterOptions {
  /** Guild ids whose guild-only commands to remove; only with a global registration. */
  readonly clearGuilds?: readonly string[];
}

/** Missing settings are an expected outcome (one line for the operator); a failing API call throws. */
export async function registerCommands(config: Config, options: RegisterOptions = {}): Promise<Result<Registration, InputProblem>> {
  if (config.DISCORD_TOKEN === undefined) {
    return err(inputProblem('invalid-command', 'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (your application > Bot) into DISCORD_TOKEN.'));
  }
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (applicationId === undefined) {
    return err(inputProblem('invalid-command', 'DISCORD_APPLICATION_ID is not set: copy the Application ID from the Developer Portal (your application > General Information).'));
  }
  const clearGuilds = options.clearGuilds ?? [];
  if (config.DISCORD_GUILD_ID !== undefined && clearGuilds.length > 0) {
    return err(inputProblem('invalid-command', '--clear-guild goes with a global registration: unset DISCORD_GUILD_ID to register globally, or leave out --clear-guild.'));
  }
  const rest = new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  const body = commandDefinitions();
  const names = body.map((command) => command.name);
  if (config.DISCORD_GUILD_ID !== undefined) {
    await rest.put(Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID), { body });
    return ok({ scope: 'guild', names, cleared: [], leftovers: [] });
  }
  await rest.put(Routes.applicationCommands(applicationId), { body });
  for (const guildId of clearGuilds) await rest.put(Routes.applicationGuildCommands(applicationId, guildId), { body: [] });
  // Cheap to check where portbot is meant to be used anyway: one GET per listed guild.
  const leftovers: string[] = [];
  for (const guildId of config.PORTBOT_ALLOWED_GUILDS.filter((id) => !clearGuilds.includes(id))) {
    const own = (await rest.get(Routes.applicationGuildCommands(applicationId, guildId))) as readonly { readonly name?: unknown }[];
    if (own.some((command) => typeof command.name === 'string' && names.includes(command.name))) leftovers.push(guildId);
  }
  return ok({ scope: 'global', names, cleared: clearGuilds, leftovers });
}
