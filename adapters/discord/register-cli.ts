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
    const where = result.value.scope === 'guild' ? `to guild ${config.DISCORD_GUILD_ID ?? ''}` : 'globally (every server the bot is in)';
    process.stdout.write(`discord:register: registered /${result.value.names.join(', /')} ${where}\n`);
    return 0;
  } catch (error: unknown) {
    // A bad setting (invalid-config) is the operator's input; anything else (a refused token, no
    // network) is reported the same way, as one line, with a different exit code.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`discord:register: ${message.split('\n')[0] ?? 'failed'}\n`);
    return error instanceof PortbotError && error.code === 'invalid-config' ? 2 : 1;
  }
}

process.exitCode = await main();
