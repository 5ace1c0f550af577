// What a bot gets back for a job it handed to a zone: events while it runs, then exactly one
// outcome. Everything here is data, so the scan service can store it or pass it on as it is.
import type { Problem } from '../errors.js';
import type { ScanReport } from '../scanner/types.js';
import { agentAnswerSchema, failureFromReason, type AgentProgress, type StopReason } from './job-contract.js';
import { decodeReport } from '../scan/report-transport.js';

/** While a job is out: `queued` once it is on the queue, the agent's progress, `restarted` when its agent was lost and the job went back for another. */
export type RemoteEvent = { readonly kind: 'queued' } | AgentProgress | { readonly kind: 'restarted'; readonly message: string };

export type RemoteOutcome =
  /** The scan ran; `report.cancelled` with `stopped` when it ended early (a cancel, the deadline, the agent stopping). */
  | { readonly kind: 'result'; readonly report: ScanReport; readonly stopped?: StopReason }
  /** The agent's own policy (or its reading of targets and ports) said no; nothing was sent to the targets. */
  | { readonly kind: 'refused'; readonly problem: Problem }
  /** The job could not be done: `code` for programs, `message` one line for people. */
  | { readonly kind: 'failed'; readonly code: string; readonly message: string }
  /** No agent of the zone is alive to take the job (checked before queuing, and while it waits). */
  | { readonly kind: 'no-agent'; readonly message: string }
  /** No answer by the job's deadline plus the grace an agent has to send a partial result. */
  | { readonly kind: 'timed-out'; readonly message: string };

/** An agent's return value, checked: a forged or garbled one is a failure, never rendered. */
export function outcomeOfAnswer(value: unknown): RemoteOutcome {
  const parsed = agentAnswerSchema.safeParse(value);
  if (!parsed.success) return { kind: 'failed', code: 'invalid-answer', message: "the agent's answer does not fit portbot's job contract (an agent of another version, or a forged answer)" };
  const answer = parsed.data;
  if (answer.kind === 'refused') return { kind: 'refused', problem: answer.problem };
  return { kind: 'result', report: decodeReport(answer.report), ...(answer.stopped === undefined ? {} : { stopped: answer.stopped }) };
}

export function outcomeOfFailure(reason: string | undefined): RemoteOutcome {
  return { kind: 'failed', ...failureFromReason(reason) };
}

/** The answer to a job cancelled before any agent took it. */
export const cancelledBeforeStart = (): RemoteOutcome => ({ kind: 'result', report: { hosts: [], durationMs: 0, cancelled: true }, stopped: 'cancelled' });
