// `npm run discord:register [-- --clear-guild <guild id>]`: one line of outcome, never a stack
// trace for a setup mistake. Reads ./.env exactly as `npm start` does.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { loadDotEnv } from '../../src/env-file.js';
import { PortbotError } from '../../src/errors.js';
import { registerCommands } from './register.js';

const say = (line: string): void => void process.stdout.write(`discord:register: ${line}\n`);
const complain = (line: string): void => void process.stderr.write(`discord:register: ${line}\n`);

async function main(): Promise<number> {
  let clearGuilds: string[];
  try {
    clearGuilds = parseArgs({ args: process.argv.slice(2), options: { 'clear-guild': { type: 'string', multiple: true } } }).values['clear-guild'] ?? [];
  } catch {
    complain('the only option is --clear-guild <guild id> (repeatable), to remove commands registered to that guild earlier');
    return 2;
  }
  const env = loadDotEnv();
  if (!env.ok) {
    complain(env.error);
    return 2;
  }
  try {
    const config = loadConfig();
    const result = await registerCommands(config, { clearGuilds });
    if (!result.ok) {
      complain(result.error.message);
      return 2;
    }
    const { names, scope, cleared, leftovers } = result.value;
    const where = scope === 'guild' ? `to guild ${config.DISCORD_GUILD_ID ?? ''}` : 'globally (every server the bot is in)';
    say(`registered /${names.join(', /')} ${where}`);
    for (const guildId of cleared) say(`removed the commands registered to guild ${guildId} alone`);
    for (const guildId of leftovers) {
      say(`guild ${guildId} still has its own /${names.join(', /')} from an earlier registration there, so its members see each command twice: run \`npm run discord:register -- --clear-guild ${guildId}\``);
    }
    return 0;
  } catch (error: unknown) {
    // A bad setting (invalid-config) is the operator's input; anything else (a refused token, no
    // network) is reported the same way, as one line, with a different exit code.
    const message = error instanceof Error ? error.message : String(error);
    complain(message.split('\n')[0] ?? 'failed');
    return error instanceof PortbotError && error.code === 'invalid-config' ? 2 : 1;
  }
}

process.exitCode = await main();
