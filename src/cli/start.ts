// `portbot` and `portbot console`: one scan service and one bot around the chosen adapters, with
// the history store opening in the background (the prompt and the first answers never wait for
// it). Runs until the console user leaves, a signal arrives or the store refuses this process;
// then cancels running scans (each still answered), lets their records settle and stops.
import type { Config } from '../config.js';
import { PortbotError } from '../errors.js';
import type { Logger } from '../log.js';
import type { AuditLog } from '../policy/audit.js';
import type { ScanPolicy } from '../policy/types.js';
import type { ChatPlace, PlaceCheck, Poster } from '../report/place.js';
import { noticeReply } from '../report/problem-reply.js';
import { startUpkeep, type Upkeep } from '../scan/upkeep.js';
import type { ScanJob } from '../scan/index.js';
import { createBot } from '../commands/bot.js';
import { chatDetectionLimit } from '../commands/detection-limit.js';
import { createWatchService } from '../watch/watch-service.js';
import type { ChatAdapter } from '../commands/types.js';
import type { AdapterLoader, AdapterName } from './adapter-loader.js';
import { buildScanService, openConfiguredHistory } from './compose.js';
import { EXIT, type TerminalStreams } from './terminal.js';

export interface StartOptions {
  readonly names: readonly AdapterName[];
  readonly config: Config;
  readonly logger: Logger;
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
  readonly loadAdapters: AdapterLoader;
  readonly streams: TerminalStreams;
}

/** Posts through the started adapter of the place's platform, when it can post. */
function posterFor(adapters: readonly ChatAdapter[]): Poster {
  return async (place, reply) => {
    const adapter = adapters.find((candidate) => candidate.platform === place.platform);
    if (adapter?.post === undefined) return { delivered: false, reason: `no running ${place.platform} adapter can post` };
    return adapter.post(place, reply);
  };
}

/** Asks the started adapter of the place's platform whether it may post there; yes when it cannot tell. */
function placeCheckFor(adapters: readonly ChatAdapter[]): PlaceCheck {
  return async (place) => (await adapters.find((candidate) => candidate.platform === place.platform)?.canPost?.(place)) ?? { ok: true };
}

/** A failed write after the answer went out: its requester is told privately. */
const privatePlace = (job: ScanJob): ChatPlace => {
  const { platform, workspaceId, channelId, userId } = job.origin.requester;
  return { platform, ...(workspaceId === undefined ? {} : { workspaceId }), ...(platform === 'console' && channelId !== undefined ? { channelId } : {}), userId };
};

export async function startBots(options: StartOptions): Promise<number> {
  const { logger, config } = options;
  let quit: (why: string) => void = () => undefined;
  const quitting = new Promise<string>((resolve) => (quit = resolve));
  const onSignal = (signal: NodeJS.Signals): void => quit(signal);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const started: ChatAdapter[] = [];
  const post = posterFor(started);
  const history = openConfiguredHistory(config, (error) => logger.warn({ err: error }, 'history store: a background task failed'));
  const service = buildScanService({
    config,
    audit: options.audit,
    logger,
    loopbackWhenUnconfigured: false,
    policy: options.policy,
    history,
    onLateRecordingFailure: (job, message) =>
      void post(privatePlace(job), noticeReply('Not recorded in history', `Your scan ${job.id} of ${job.request.targets} was answered, but ${message}.`, 'warning')).then((outcome) => {
        if (!outcome.delivered) logger.error({ jobId: job.id, problem: message, why: outcome.reason }, 'a scan was not recorded in history, and its requester could not be told');
      }),
  });
  const watches = createWatchService({
    service,
    history,
    post,
    canPost: placeCheckFor(started),
    platforms: () => started.map((adapter) => adapter.platform),
    timeZone: config.PORTBOT_TIMEZONE,
    detectLimit: chatDetectionLimit(undefined, config),
    logger,
  });
  const bot = createBot({ config, service, audit: options.audit, logger, watches });
  let exitCode: number = EXIT.done;
  // A store this process may not use (another portbot holds the embedded one, or a newer schema) stops it
  // with one line; a server that is down only leaves history unrecorded until it answers again.
  void history.ready().then((opened) => {
    if (opened.ok) return;
    const refused = opened.error.code === 'store-locked' || opened.error.code === 'store-schema';
    options.streams.stderr.write(`portbot: ${refused ? '' : 'history is not recorded for now: '}${opened.error.message}\n`);
    if (!refused) return;
    exitCode = EXIT.failed;
    quit('history store refused');
  });
  let upkeep: Upkeep | undefined;
  let outcome: number = EXIT.done;
  try {
    const adapters = await options.loadAdapters(options.names, { config, logger, onQuit: () => quit('end of input') });
    for (const adapter of adapters) {
      await adapter.start(bot);
      started.push(adapter);
    }
    logger.info({ adapters: options.names }, 'portbot is running');
    // Requesters of interrupted scans are told through the adapters, so they start first.
    upkeep = startUpkeep(history, { historyDays: config.PORTBOT_HISTORY_DAYS, post, logger });
    // Watches post through the adapters too: they load once the store is open, after the adapters.
    void watches.start();
    const why = await quitting;
    logger.info({ why }, 'portbot is stopping');
  } catch (error) {
    // The line below is the report; the stack is for debugging (PORTBOT_LOG_LEVEL=debug).
    logger.debug({ err: error }, 'could not start');
    const message = error instanceof Error ? error.message : String(error);
    options.streams.stderr.write(`portbot: could not start ${options.names.join(' and ')}: ${message.split('\n')[0] ?? ''}\n`);
    // A missing or contradictory setting is the operator's input, like a bad variable value.
    outcome = error instanceof PortbotError && error.code === 'invalid-config' ? EXIT.invalid : EXIT.failed;
  } finally {
    // Stop taking commands, let every running scan finish its answer and its record, then close.
    await bot.shutdown();
    await watches.close();
    await service.drain();
    await service.close();
    upkeep?.stop();
    await Promise.allSettled(started.map((adapter) => adapter.stop()));
    // After the store settled: a refusal that came after the input ended still sets the exit code.
    await history.close();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  return outcome === EXIT.done ? exitCode : outcome;
}
