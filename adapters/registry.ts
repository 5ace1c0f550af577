// The composition root's adapter loader (bin/portbot.js hands it to runCli). Each platform is
// imported only when it is started, so `portbot scan` never loads Bolt or discord.js.
import type { AdapterContext, AdapterLoader, AdapterName } from '../src/cli/index.js';
import type { ChatAdapter } from '../src/commands/types.js';
import { useColour } from './console/ansi.js';

async function loadAdapter(name: AdapterName, context: AdapterContext): Promise<ChatAdapter> {
  switch (name) {
    case 'slack': {
      const { createSlackAdapter } = await import('./slack/index.js');
      return createSlackAdapter(context.config, context.logger);
    }
    case 'discord': {
      const { createDiscordAdapter } = await import('./discord/index.js');
      return createDiscordAdapter(context.config, context.logger);
    }
    case 'console': {
      const { createConsoleAdapter } = await import('./console/index.js');
      return createConsoleAdapter({
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY && process.stdout.isTTY,
        colour: useColour(process.stdout, process.env),
        onQuit: context.onQuit,
      });
    }
  }
}

export const loadAdapters: AdapterLoader = (names, context) => Promise.all(names.map((name) => loadAdapter(name, context)));
