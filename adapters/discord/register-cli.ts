// `npm run discord:register`: one line of outcome, never a stack trace for a setup mistake.
import { loadConfig } from '../../src/config.js';
import { PortbotError } from '../../src/errors.js';
import { registerCommands } from './register.js';

async function main(): Promise<number> {
  try {
    const config = loadConfig();
    const result = await registerCommands(config);
    if (!result.ok) {
      process.stderr.write(`discord:register: ${result.error.message}\n`);
      return 2;
    }
    const where = result.value.scope === 'guild' ? `to guild ${config.DISCORD_GUILD_ID ?? ''} (available now)` : 'globally (may take up to an hour to appear)';
    process.stdout.write(`discord:register: registered /${result.value.names.join(', /')} ${where}\n`);
    return 0;
  } catch (error: unknown) {
    const message = error instanceof PortbotError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`discord:register: ${message.split('\n')[0] ?? 'failed'}\n`);
    return 1;
  }
}

process.exitCode = await main();
