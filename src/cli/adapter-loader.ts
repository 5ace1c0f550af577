// How the CLI gets chat adapters without importing them: src/ never imports adapters/, so the
// composition root (bin/portbot.js) hands runCli a loader that imports them lazily, and
// `portbot scan` never pays for loading Bolt or discord.js.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ChatAdapter } from '../commands/types.js';

export type AdapterName = 'slack' | 'discord' | 'console';

export interface AdapterContext {
  readonly config: Config;
  readonly logger: Logger;
  /** The console's user asked to leave (exit, quit, end of input): the CLI then shuts down. */
  readonly onQuit: () => void;
}

export type AdapterLoader = (names: readonly AdapterName[], context: AdapterContext) => Promise<readonly ChatAdapter[]>;

/** Slack if its token is set, Discord if its token is set, both if both; else the console chat. */
export function adaptersFor(config: Config): AdapterName[] {
  const names: AdapterName[] = [];
  if (config.SLACK_BOT_TOKEN !== undefined) names.push('slack');
  if (config.DISCORD_TOKEN !== undefined) names.push('discord');
  return names.length > 0 ? names : ['console'];
}
