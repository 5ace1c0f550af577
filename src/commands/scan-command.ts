// The chat side of a scan: submits it to the scan service, shows throttled progress with a Cancel
// button, and answers once with the result, ending with what changed since the last scan.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Requester } from '../policy/types.js';
import { failedReply, problemReply } from '../report/problem-reply.js';
import { detectionProgressReply, progressReply } from '../report/progress-reply.js';
import type { Reply } from '../report/reply.js';
import { scanReply } from '../report/scan-reply.js';
import { historyLine } from '../report/since-line.js';
import type { JobOutcome, ScanService } from '../scan/index.js';
import type { OnceResponder } from './final-once.js';
import { scanCommandText, type ScanCommand } from './parse-command.js';
import { throttleProgress, type ProgressThrottle, type ProgressTiming } from './progress-throttle.js';
import { chatDetectionLimit } from './detection-limit.js';
import { withRequestedFile } from './scan-file-answer.js';

export interface ScanCommandContext {
  readonly service: ScanService;
  readonly config: Config;
  readonly logger: Logger;
  readonly timing: ProgressTiming;
}

export async function handleScan(context: ScanCommandContext, command: ScanCommand, text: string, requester: Requester, responder: OnceResponder): Promise<void> {
  const visibility = command.private || context.config.PORTBOT_RESULTS === 'private' ? 'requester' : 'channel';
  const detectLimit = chatDetectionLimit(command.services, context.config);
  const request = {
    targets: command.targets,
    ports: command.ports,
    udp: command.udp,
    text,
    ...(command.allHosts === true ? { allHosts: true } : {}),
    ...(detectLimit ? { detectLimit } : {}),
  };
  const job = context.service.submit(request, { requester, visibility, ...(requester.userName === undefined ? {} : { userName: requester.userName }) });
  const show = { targets: command.targets, scanId: job.id, visibility } as const;
  const startedAt = Date.now();
  let scanStartedAt = startedAt;
  let throttle: ProgressThrottle | undefined;
  try {
    for await (const event of job.events) {
      if (event.kind === 'started') {
        scanStartedAt = Date.now();
        context.logger.debug({ jobId: job.id, addresses: event.addresses.map((address) => address.address), ports: event.totalPorts }, 'scan started');
        throttle = throttleProgress({ done: 0, total: event.totalPorts, open: 0 }, (progress) => responder.progress(progressReply(progress, show)), context.timing);
      } else if (event.kind === 'detecting') {
        // Detection has no per-port progress: one update says it started, on the usual schedule.
        const stopping = throttle?.stop();
        const firstAfterMs = Math.max(0, context.timing.firstAfterMs - (Date.now() - startedAt));
        const send = async (): Promise<void> => {
          await stopping;
          await responder.progress(detectionProgressReply(event.ports, show));
        };
        throttle = throttleProgress({ done: 0, total: event.ports, open: event.ports }, send, { ...context.timing, firstAfterMs });
      } else throttle?.update(event.progress);
    }
    const outcome = await job.outcome;
    await throttle?.stop();
    const commandText = scanCommandText(command);
    const reply = answer(outcome, commandText, visibility);
    const run = { jobId: job.id, startedAt: scanStartedAt, commandText };
    await responder.final(outcome.kind === 'report' ? withRequestedFile(reply, command, outcome.report, run) : reply);
  } finally {
    await throttle?.stop();
  }
}

function answer(outcome: JobOutcome, command: string, visibility: Reply['visibility']): Reply {
  if (outcome.kind === 'problem') return problemReply(outcome.problem);
  if (outcome.kind === 'failed') return failedReply(outcome.code, outcome.message);
  const reply = scanReply(outcome.report, { command, visibility });
  const line = historyLine(outcome.history);
  return line === undefined ? reply : { ...reply, notes: [...reply.notes, line] };
}
