// `portbot` and `portbot console`: start the chosen adapters around one bot, run until the
// console user leaves or a signal arrives, then cancel running scans (each still answered) and stop.
import type { Config } from '../config.js';
import { PortbotError } from '../errors.js';
import type { Logger } from '../log.js';
import type { AuditLog } from '../policy/audit.js';
import type { ScanPolicy } from '../policy/types.js';
import type { AdapterLoader, AdapterName } from './adapter-loader.js';
import { createBot } from '../commands/bot.js';
import { EXIT, type TerminalStreams } from './scan.js';
import type { ChatAdapter } from '../commands/types.js';

export interface StartOptions {
  readonly names: readonly AdapterName[];
  readonly config: Config;
  readonly logger: Logger;
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
  readonly loadAdapters: AdapterLoader;
  readonly streams: TerminalStreams;
}

export async function startBots(options: StartOptions): Promise<number> {
  const { logger } = options;
  const bot = createBot({ config: options.config, policy: options.policy, audit: options.audit, logger });
  let quit: (why: string) => void = () => undefined;
  const quitting = new Promise<string>((resolve) => (quit = resolve));
  const onSignal = (signal: NodeJS.Signals): void => quit(signal);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const started: ChatAdapter[] = [];
  try {
    const adapters = await options.loadAdapters(options.names, { config: options.config, logger, onQuit: () => quit('end of input') });
    for (const adapter of adapters) {
      await adapter.start(bot);
      started.push(adapter);
    }
    logger.info({ adapters: options.names }, 'portbot is running');
    const why = await quitting;
    logger.info({ why }, 'portbot is stopping');
    return EXIT.done;
  } catch (error) {
    // The line below is the report; the stack is for debugging (PORTBOT_LOG_LEVEL=debug).
    logger.debug({ err: error }, 'could not start');
    const message = error instanceof Error ? error.message : String(error);
    options.streams.stderr.write(`portbot: could not start ${options.names.join(' and ')}: ${message.split('\n')[0] ?? ''}\n`);
    // A missing or contradictory setting is the operator's input, like a bad variable value.
    return error instanceof PortbotError && error.code === 'invalid-config' ? EXIT.invalid : EXIT.failed;
  } finally {
    // Stop taking commands, then let every running scan finish its answer before adapters close.
    await bot.shutdown();
    await Promise.allSettled(started.map((adapter) => adapter.stop()));
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
