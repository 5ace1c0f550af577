// The chat side of a scan: registers it for Cancel, shows throttled progress, renders the result.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Requester } from '../policy/types.js';
import { problemReply } from '../report/problem-reply.js';
import { detectionProgressReply, progressReply } from '../report/progress-reply.js';
import { scanReply } from '../report/scan-reply.js';
import { scanCommandText, type ScanCommand } from './parse-command.js';
import { throttleProgress, type ProgressThrottle, type ProgressTiming } from './progress-throttle.js';
import { chatDetectionLimit } from './detection-limit.js';
import type { RunningScans } from './running-scans.js';
import { runScan, type ScanFlowDependencies } from './scan-flow.js';
import type { OnceResponder } from './final-once.js';

export interface ScanCommandContext {
  readonly flow: ScanFlowDependencies;
  readonly config: Config;
  readonly logger: Logger;
  readonly running: RunningScans;
  readonly timing: ProgressTiming;
}

export async function handleScan(context: ScanCommandContext, command: ScanCommand, text: string, requester: Requester, responder: OnceResponder): Promise<void> {
  const visibility = command.private || context.config.PORTBOT_RESULTS === 'private' ? 'requester' : 'channel';
  const scan = context.running.start(requester);
  const show = { targets: command.targets, scanId: scan.id, visibility } as const;
  const startedAt = Date.now();
  let throttle: ProgressThrottle | undefined;
  try {
    const detectLimit = chatDetectionLimit(command.services, context.config);
    const request = { targets: command.targets, ports: command.ports, udp: command.udp, text, ...(command.allHosts === true ? { allHosts: true } : {}), ...(detectLimit ? { detectLimit } : {}) };
    const outcome = await runScan(context.flow, requester, request, {
      signal: scan.signal,
      onStart: (addresses, ports) => {
        context.logger.debug({ scanId: scan.id, addresses: addresses.map((address) => address.address), ports: ports.length }, 'scan started');
        const initial = { done: 0, total: addresses.length * ports.length, open: 0 };
        throttle = throttleProgress(initial, (progress) => responder.progress(progressReply(progress, show)), context.timing);
      },
      onProgress: (progress) => throttle?.update(progress),
      onDetect: (ports) => {
        // Detection has no per-port progress: one update says it started, on the usual schedule.
        const stopping = throttle?.stop();
        const firstAfterMs = Math.max(0, context.timing.firstAfterMs - (Date.now() - startedAt));
        const send = async (): Promise<void> => {
          await stopping;
          await responder.progress(detectionProgressReply(ports, show));
        };
        throttle = throttleProgress({ done: 0, total: ports, open: ports }, send, { ...context.timing, firstAfterMs });
      },
    });
    await throttle?.stop();
    const reply =
      outcome.kind === 'report' ? scanReply(outcome.report, { command: scanCommandText(command), visibility }) : problemReply(outcome.problem);
    await responder.final(reply);
  } finally {
    await throttle?.stop();
    scan.finish();
  }
}
