// The chat side of /ping: the shared ping flow, registered with the running scans so shutdown can
// stop it (it still gets its one answer), rendered as a ping reply. Discovery ends within 1.5 s,
// so no progress is shown.
import type { Config } from '../config.js';
import type { Problem } from '../errors.js';
import type { Requester } from '../policy/types.js';
import type { Reply } from './reply.js';
import { pingReply } from '../report/ping-reply.js';
import { problemReply } from '../report/problem-reply.js';
import type { OnceResponder } from './final-once.js';
import { pingCommandText, type PingCommand } from './parse-command.js';
import { runPing, type PingFlowDependencies } from './ping-flow.js';
import type { RunningScans } from './running-scans.js';

export interface PingCommandContext {
  readonly flow: PingFlowDependencies;
  readonly config: Config;
  readonly running: RunningScans;
}

/** A refusal says what was refused: this was a ping, not a scan. */
const pingProblem = (problem: Problem): Reply => ({ ...problemReply(problem), ...(problem.kind === 'refusal' ? { title: 'Ping refused' } : {}) });

export async function handlePing(context: PingCommandContext, command: PingCommand, text: string, requester: Requester, responder: OnceResponder): Promise<void> {
  const visibility = command.private || context.config.PORTBOT_RESULTS === 'private' ? 'requester' : 'channel';
  const ping = context.running.start(requester);
  try {
    const outcome = await runPing(context.flow, requester, { targets: command.targets, text }, ping.signal);
    await responder.final(outcome.kind === 'report' ? pingReply(outcome.report, { command: pingCommandText(command), visibility }) : pingProblem(outcome.problem));
  } finally {
    ping.finish();
  }
}
