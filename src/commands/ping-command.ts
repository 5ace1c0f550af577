// The chat side of /ping: the scan service's ping (shutdown stops it and it still gets its one
// answer), rendered as a ping reply. Discovery ends within 1.5 s,
// so no progress is shown.
import type { Config } from '../config.js';
import type { Problem } from '../errors.js';
import type { Requester } from '../policy/types.js';
import type { Reply } from '../report/reply.js';
import { pingReply } from '../report/ping-reply.js';
import { problemReply } from '../report/problem-reply.js';
import type { OnceResponder } from './final-once.js';
import { pingCommandText, type PingCommand } from './parse-command.js';
import type { ScanService } from '../scan/index.js';

export interface PingCommandContext {
  readonly service: ScanService;
  readonly config: Config;
}

/** A refusal says what was refused: this was a ping, not a scan. */
const pingProblem = (problem: Problem): Reply => ({ ...problemReply(problem), ...(problem.kind === 'refusal' ? { title: 'Ping refused' } : {}) });

export async function handlePing(context: PingCommandContext, command: PingCommand, text: string, requester: Requester, responder: OnceResponder): Promise<void> {
  const visibility = command.private || context.config.PORTBOT_RESULTS === 'private' ? 'requester' : 'channel';
  const outcome = await context.service.ping({ targets: command.targets, text }, requester);
  await responder.final(outcome.kind === 'report' ? pingReply(outcome.report, { command: pingCommandText(command), visibility }) : pingProblem(outcome.problem));
}
