// The one bot every adapter talks to: text in, exactly one final Reply out, one audit entry per
// command. Unexpected errors are logged with their stack and answered with a private one-liner.
import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';
import { inputProblem, PortbotError, type Problem } from '../errors.js';
import { explain } from '../knowledge/index.js';
import type { AuditEntry, AuditLog } from '../policy/audit.js';
import type { Requester } from '../policy/types.js';
import { explanationReply } from '../report/explanation-reply.js';
import { helpReply } from '../report/help-reply.js';
import { errorReply, noticeReply, problemReply } from '../report/problem-reply.js';
import type { ScanService } from '../scan/index.js';
import { checkAction, checkCommandText, checkRequester } from './edge-schemas.js';
import { finalOnce, type OnceResponder } from './final-once.js';
import { auditKind, parseCommand } from './parse-command.js';
import { handlePing } from './ping-command.js';
import { DEFAULT_PROGRESS_TIMING, type ProgressTiming } from './progress-throttle.js';
import type { ReplyAction } from '../report/reply.js';
import { handleDiff, handleHistory, recentScans } from './history-command.js';
import { handleScan } from './scan-command.js';
import { handleWatch } from './watch-command.js';
import type { WatchCommands } from '../watch/watch-service.js';
import type { Bot, IncomingCommand, Responder } from './types.js';

export interface BotDependencies {
  readonly config: Config;
  /** The one scan service of the process (src/scan/): it runs, audits and records every scan. */
  readonly service: ScanService;
  readonly audit: AuditLog;
  /** Operational log; silent when omitted. */
  readonly logger?: Logger;
  /** When progress updates start and how often they come (tests shorten it). */
  readonly progressTiming?: ProgressTiming;
  /** /watch: the process's watch service; absent, /watch says watches do not run here. */
  readonly watches?: WatchCommands;
}

export function createBot(deps: BotDependencies): Bot {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const inFlight = new Set<Promise<void>>();
  let shuttingDown = false;

  /** `audited`: the scan service audits the scans it is given; the command is then audited. */
  async function dispatch(command: IncomingCommand, responder: OnceResponder, audit: AuditLog, audited: () => void): Promise<void> {
    const started = Date.now();
    const record = (entry: Pick<AuditEntry, 'command' | 'decision'> & { reason?: string }): void =>
      audit.record({ requester: command.requester, text: String(command.text).slice(0, 1000), durationMs: Date.now() - started, ...entry });
    const answerProblem = (problem: Problem, kind: AuditEntry['command']): Promise<void> => {
      record({ command: kind, decision: problem.kind === 'input' ? 'invalid' : 'refused', reason: problem.code });
      return responder.final(problemReply(problem));
    };

    const text = checkCommandText(command.text);
    if (!text.ok) return answerProblem(text.error, 'help');
    const kind = auditKind(text.value);
    // The console and the CLI run on the operator's machine: their examples scan loopback.
    const platform = command.requester.platform;
    const audience = platform === 'console' || platform === 'cli' ? 'terminal' : 'chat';
    const parsed = parseCommand(text.value, audience);
    if (!parsed.ok) return answerProblem(parsed.error, kind);
    const request = parsed.value;
    if (request.kind === 'help') {
      record({ command: 'help', decision: 'answered' });
      return responder.final(helpReply(request.topic, audience));
    }
    if (request.kind === 'port') {
      const explanation = explain(request.query);
      if (!explanation.ok) return answerProblem(explanation.error, 'port');
      record({ command: 'port', decision: 'answered' });
      // Explanations teach the whole channel; nothing in them is private to the asker.
      return responder.final({ ...explanationReply(explanation.value), visibility: 'channel' });
    }
    if (request.kind === 'history') return responder.final(await handleHistory({ service: deps.service, config: deps.config, record }, request, command.requester));
    if (request.kind === 'diff') return responder.final(await handleDiff({ service: deps.service, config: deps.config, record }, request, command.requester));
    if (shuttingDown) {
      record({ command: request.kind, decision: 'refused', reason: 'shutting-down' });
      return responder.final(noticeReply('portbot is restarting', 'portbot is shutting down and starts no new scans; try again in a minute.', 'warning'));
    }
    if (request.kind === 'watch') return responder.final(await handleWatch({ watches: deps.watches, config: deps.config, record }, request.words, text.value, command.requester, audience));
    audited();
    if (request.kind === 'ping') return handlePing({ service: deps.service, config: deps.config }, request, text.value, command.requester, responder);
    return handleScan({ service: deps.service, config: deps.config, logger, timing: deps.progressTiming ?? DEFAULT_PROGRESS_TIMING }, request, text.value, command.requester, responder);
  }

  async function handleCommand(command: IncomingCommand, responder: Responder): Promise<void> {
    const once = finalOnce(responder, logger);
    let audited = false;
    const audit: AuditLog = { record: (entry) => ((audited = true), deps.audit.record(entry)) };
    const task = (async () => {
      try {
        checkRequester(command.requester);
        await dispatch(command, once, audit, () => (audited = true));
      } catch (error) {
        const code = error instanceof PortbotError ? error.code : 'internal';
        logger.error({ err: error, text: String(command.text).slice(0, 200) }, 'command failed');
        if (!audited) audit.record({ requester: command.requester, command: auditKind(String(command.text)), text: String(command.text).slice(0, 1000), decision: 'failed', reason: code, durationMs: 0 });
        await once.final(errorReply(code));
      }
      if (!once.answered) await once.final(errorReply('no-answer')); // a path forgot to answer: still answer once
    })();
    inFlight.add(task);
    try {
      await task;
    } finally {
      inFlight.delete(task);
    }
  }

  async function handleAction(action: ReplyAction, requester: Requester, responder: Responder): Promise<void> {
    // Button payloads travelled through the platform: check them like typed text.
    const checked = checkAction(action);
    if (checked.ok && checked.value.kind === 'rescan') return handleCommand({ text: checked.value.command, requester }, responder);
    // Explain answers the person who pressed it, on every platform; the result it was pressed on stays.
    if (checked.ok && checked.value.kind === 'explain') return handleCommand({ text: `/port ${checked.value.query}`, requester }, onlyForRequester(responder));
    const once = finalOnce(responder, logger);
    const record = (decision: AuditEntry['decision'], reason: string, text: string): void =>
      deps.audit.record({ requester, command: 'action', text, decision, reason, durationMs: 0 });
    if (!checked.ok || checked.value.kind !== 'cancel') {
      record('invalid', 'invalid-action', String((action as { kind?: unknown } | null)?.kind).slice(0, 20));
      return once.final(problemReply(checked.ok ? inputProblem('invalid-command', 'That button is not supported.') : checked.error));
    }
    try {
      checkRequester(requester);
      const outcome = deps.service.cancel(checked.value.scanId, requester);
      record(outcome === 'cancelled' ? 'answered' : 'refused', outcome, `cancel ${checked.value.scanId}`);
      if (outcome === 'not-owner') return await once.final(noticeReply('Not your scan', 'Only the person who started this scan can cancel it.', 'warning'));
      if (outcome === 'unknown') return await once.final(noticeReply('Nothing to cancel', 'That scan has already finished.'));
      return await once.final(noticeReply('Cancelling', 'The scan is stopping; its partial result follows.'));
    } catch (error) {
      logger.error({ err: error }, 'cancel failed');
      return once.final(errorReply(error instanceof PortbotError ? error.code : 'internal'));
    }
  }

  async function shutdown(): Promise<void> {
    shuttingDown = true;
    deps.service.cancelAll();
    await Promise.allSettled([...inFlight]);
  }

  const scanChoices = (requester: Requester, target: string) => recentScans(deps.service, requester, target, logger);
  return { handleCommand, handleAction, shutdown, scanChoices };
}

function onlyForRequester(responder: Responder): Responder {
  return {
    progress: (reply) => responder.progress({ ...reply, visibility: 'requester' }),
    final: (reply) => responder.final({ ...reply, visibility: 'requester' }),
  };
}
