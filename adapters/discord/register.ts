// Registers the slash commands with one bulk overwrite (PUT), so the registered set is always
// exactly commands.ts: renamed or removed commands disappear instead of lingering.
import { REST, Routes } from 'discord.js';
import type { Config } from '../../src/config.js';
import { inputProblem, type InputProblem } from '../../src/errors.js';
import { err, ok, type Result } from '../../src/result.js';
import { commandDefinitions } from './commands.js';

export interface Registration {
  /** 'guild' registers to one server (instant, for testing); 'global' to every server (may take a while to show). */
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

/** Missing settings are an expected outcome (one line for the operator); a failing API call throws. */
export async function registerCommands(config: Config): Promise<Result<Registration, InputProblem>> {
  if (config.DISCORD_TOKEN === undefined) {
    return err(inputProblem('invalid-command', 'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (your application > Bot) into DISCORD_TOKEN.'));
  }
  if (config.DISCORD_APPLICATION_ID === undefined) {
    return err(inputProblem('invalid-command', 'DISCORD_APPLICATION_ID is not set: copy the Application ID from the Developer Portal (your application > General Information).'));
  }
  const rest = new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  const route =
    config.DISCORD_GUILD_ID === undefined
      ? Routes.applicationCommands(config.DISCORD_APPLICATION_ID)
      : Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID);
  const body = commandDefinitions();
  await rest.put(route, { body });
  return ok({ scope: config.DISCORD_GUILD_ID === undefined ? 'global' : 'guild', names: body.map((command) => command.name) });
}
