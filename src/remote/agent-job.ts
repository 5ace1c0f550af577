// One job on an agent, from raw queue data to an answer. Nothing in the job is trusted: it is
// parsed against the contract, its ports read as the bot reads them, and its targets resolved
// here and checked by this agent's own policy (its PORTBOT_ALLOWLIST/DENYLIST and the built-in
// denials) before the first packet. The scanner then connects to exactly the checked addresses.
import { serviceNames } from '../report/service-names.js';
import type { SocketPool } from '../scan/socket-share.js';
import { z } from 'zod';
import type { Problem } from '../errors.js';
import type { AuditEntry, AuditLog } from '../policy/audit.js';
import type { Requester, ScanPolicy } from '../policy/types.js';
import { parsePortSpec } from '../request/ports.js';
import { err, ok, type Result } from '../result.js';
import type { scan as realScan } from '../scanner/scan.js';
import { stateTotals } from '../scanner/summary.js';
import type { ScanReport } from '../scanner/types.js';
import { CONTRACT_VERSION, scanJobSchema, STOP_REASONS, type AgentAnswer, type AgentFailure, type AgentProgress, type StopReason } from './job-contract.js';
import { encodeReport, type TransportReport } from '../scan/report-transport.js';

export interface AgentJobDeps {
  readonly zone: string;
  /** This agent's id, sent with `started`. */
  readonly agentId: string;
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
  readonly scan: typeof realScan;
  /** This agent's open sockets (PORTBOT_MAX_SOCKETS), shared fairly between its running jobs. */
  readonly sockets: SocketPool;
  /** Epoch ms; a test may move it. */
  readonly now?: () => number;
}

export interface AgentJobHooks {
  /** Aborted with a StopReason ('cancelled', 'agent-shutdown') as its reason. */
  readonly signal: AbortSignal;
  readonly progress: (progress: AgentProgress) => void;
}

/**
 * The agent's policy runs as its operator (like the CLI: no per-user checks or per-minute limit,
 * which the bot applied to the person), with the agent's own lists and limits.
 */
const agentRequester = (zone: string): Requester => ({ platform: 'cli', userId: `agent:${zone}` });

const result = (report: TransportReport, stopped: StopReason | undefined): Result<AgentAnswer, never> =>
  ok({ version: CONTRACT_VERSION, kind: 'result', report, ...(stopped === undefined ? {} : { stopped }) });
/** The requester reads whose rule said no: this zone's agent, not the bot they talked to. */
const refused = (zone: string, problem: Problem): Result<AgentAnswer, never> =>
  ok({ version: CONTRACT_VERSION, kind: 'refused', problem: { ...problem, message: `zone ${zone}'s agent: ${problem.message}` } });

export async function runAgentJob(raw: unknown, deps: AgentJobDeps, hooks: AgentJobHooks): Promise<Result<AgentAnswer, AgentFailure>> {
  const now = deps.now ?? Date.now;
  const parsed = scanJobSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = z.prettifyError(parsed.error).split('\n').slice(0, 2).join(' ').slice(0, 300);
    return err({ code: 'invalid-job', message: `the job does not fit portbot's job contract (version ${CONTRACT_VERSION}): ${issue}` });
  }
  const job = parsed.data;
  if (job.zone !== deps.zone) return err({ code: 'invalid-job', message: `a job for zone ${job.zone} arrived on the queue of zone ${deps.zone}` });
  const left = job.deadline - now();
  if (left <= 0) return err({ code: 'expired', message: 'the job waited past its deadline before an agent could take it' });

  const started = now();
  const text = `[zone ${deps.zone}, job ${job.jobId}] scan ${job.targets.join(',')} ${job.ports}${job.protocol === 'udp' ? ' udp' : ''}`;
  const record = (entry: Pick<AuditEntry, 'decision'> & Partial<AuditEntry>): void =>
    deps.audit.record({ requester: job.requester, command: 'scan', text, targets: job.targets, ports: job.ports, durationMs: now() - started, ...entry });

  if (hooks.signal.aborted) {
    record({ decision: 'cancelled', reason: stopReasonOf(hooks.signal) });
    return result({ hosts: [], durationMs: 0, cancelled: true }, stopReasonOf(hooks.signal));
  }
  const ports = parsePortSpec(job.ports, job.protocol);
  if (!ports.ok) {
    record({ decision: 'invalid', reason: ports.error.code });
    return refused(deps.zone, ports.error);
  }
  const grant = await deps.policy.authoriseScan(agentRequester(deps.zone), job.targets.join(','), ports.value);
  if (!grant.ok) {
    record({ decision: grant.error.kind === 'input' ? 'invalid' : 'refused', reason: grant.error.code });
    return refused(deps.zone, grant.error);
  }
  const { addresses, otherAddresses = [], warnings = [] } = grant.value;
  const seat = deps.sockets.join(addresses.length * ports.value.length);
  const checked = addresses.map((address) => address.address);
  // The job's deadline stops the scan like a cancel does, and the partial result still goes back.
  // Not AbortSignal.any([…, AbortSignal.timeout()]): Node 20 may collect the timeout signal inside
  // it before it fires (nodejs/node#57736), and then the deadline never comes. A timer we hold does.
  const stop = new AbortController();
  const signal = stop.signal;
  const onCancel = (): void => stop.abort(hooks.signal.reason);
  hooks.signal.addEventListener('abort', onCancel, { once: true });
  const deadline = setTimeout(() => stop.abort('deadline' satisfies StopReason), left);
  try {
    hooks.progress({ kind: 'started', agent: deps.agentId, addresses, totalPorts: addresses.length * ports.value.length });
    const report: ScanReport = await deps.scan(addresses, ports.value, {
      signal,
      concurrency: seat,
      serviceNames,
      onProgress: (progress) => hooks.progress({ kind: 'progress', ...progress }),
      ...(job.options.services ? { services: true } : {}),
      ...(job.options.allHosts ? { allHosts: true } : {}),
      ...(job.options.detectLimit === undefined ? {} : { detectLimit: job.options.detectLimit }),
      onDetect: (detecting) => hooks.progress({ kind: 'detecting', ports: detecting }),
    });
    const summary = Object.fromEntries(stateTotals(report.hosts));
    const stopped = report.cancelled ? stopReasonOf(signal) : undefined;
    record({ decision: report.cancelled ? 'cancelled' : 'allowed', addresses: checked, summary, ...(stopped === undefined ? {} : { reason: stopped }) });
    return result(encodeReport({ ...report, otherAddresses, targetWarnings: warnings }), stopped);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    record({ decision: 'failed', addresses: checked, reason: message });
    return err({ code: 'scan-failed', message: `the agent's scanner failed: ${message}` });
  } finally {
    clearTimeout(deadline);
    hooks.signal.removeEventListener('abort', onCancel);
    seat.leave();
    grant.value.release();
  }
}

/** Why `signal` fired: the reason a cancel gave, or 'deadline' for the job's own timeout. */
function stopReasonOf(signal: AbortSignal): StopReason {
  const reason: unknown = signal.reason;
  if (typeof reason === 'string' && (STOP_REASONS as readonly string[]).includes(reason)) return reason as StopReason;
  return reason instanceof DOMException && reason.name === 'TimeoutError' ? 'deadline' : 'cancelled';
}
