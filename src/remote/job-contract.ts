// What a bot puts on a zone's queue and what an agent sends back: the only shapes that cross
// Redis, checked with zod on both sides. An agent never trusts a job (a compromised bot or anyone
// with write access to Redis can forge one): it parses it here and then checks the targets with its
// own policy. The job has no field a secret could hide in, and strict objects refuse extra keys,
// so a job that carries anything else is refused whole instead of silently passed along.
import { z } from 'zod';
import type { Problem } from '../errors.js';
import { scanAddressSchema, transportReportSchema } from './report-schema.js';
import type { TransportReport } from '../scan/report-transport.js';
import { ZONE_NAME, ZONE_NAME_HINT } from './queue-keys.js';
import type { ScanAddress } from '../scanner/types.js';

/** Bumped when a shape changes incompatibly; an agent refuses versions it does not know. */
export const CONTRACT_VERSION = 1;

const id = z.string().min(1).max(128);

/** Who asked, for the agent's audit trail: platform ids only, never a token, a URL or a name. */
export const requesterSummarySchema = z.strictObject({
  platform: z.enum(['slack', 'discord', 'console', 'cli']),
  userId: id,
  workspaceId: id.exactOptional(),
  channelId: id.exactOptional(),
});
export type RequesterSummary = z.infer<typeof requesterSummarySchema>;

/** BullMQ refuses custom ids that are integers or contain ':'; a letter first keeps both out. */
export const JOB_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export const scanJobSchema = z.strictObject({
  version: z.literal(CONTRACT_VERSION),
  /** The bot's job id (also the BullMQ job id, so a job is queued at most once). */
  jobId: z.string().regex(JOB_ID, 'a letter, then up to 63 letters, digits, - or _'),
  zone: z.string().regex(ZONE_NAME, ZONE_NAME_HINT),
  /** Targets as typed (names, addresses, CIDR blocks): the agent resolves and checks them itself. */
  targets: z.array(z.string().min(1).max(260)).min(1).max(64),
  /** Port list as typed ("22,80,443", "1-1024", "common", "T:22,U:53"); parsed by the agent. */
  ports: z.string().min(1).max(2000),
  /** Protocol of port items without a T:/U: prefix. */
  protocol: z.enum(['tcp', 'udp']),
  /** `detectLimit`: detection after the scan when it found at most `maxPorts` open ports (the chat's default). */
  options: z.strictObject({
    services: z.boolean(),
    allHosts: z.boolean(),
    detectLimit: z.strictObject({ maxPorts: z.number().int().min(0).max(65_535), whenMore: z.enum(['skip', 'first']) }).exactOptional(),
  }),
  requester: requesterSummarySchema,
  /** Epoch ms: the agent does not start a job after it, and stops a scan at it (partial result). */
  deadline: z.number().int().positive(),
});
export type ScanJob = z.infer<typeof scanJobSchema>;

/** Sent with BullMQ's job.updateProgress: first `started`, then `progress` (throttled), `detecting` when detection starts. */
export const agentProgressSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('started'), agent: z.string().max(200), addresses: z.array(scanAddressSchema).max(65_536), totalPorts: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('progress'), done: z.number().int().min(0), total: z.number().int().min(0), open: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('detecting'), ports: z.number().int().min(0) }),
]);
export type AgentProgress =
  /** `agent`: the id of the agent that took the job (host-pid-random), for logs and operators. */
  | { readonly kind: 'started'; readonly agent: string; readonly addresses: readonly ScanAddress[]; readonly totalPorts: number }
  | { readonly kind: 'progress'; readonly done: number; readonly total: number; readonly open: number }
  | { readonly kind: 'detecting'; readonly ports: number };

/** Why a scan that returns a result stopped early, when it did. */
export const STOP_REASONS = ['cancelled', 'deadline', 'agent-shutdown'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

const problemSchema: z.ZodType<Problem> = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('refusal'),
    code: z.enum(['no-allowlist', 'target-denied', 'target-not-allowed', 'not-authorised', 'rate-limited', 'too-many-ports', 'too-many-addresses', 'too-many-scans']),
    message: z.string().max(2000),
    target: z.string().max(260).exactOptional(),
  }),
  z.strictObject({
    kind: z.literal('input'),
    code: z.enum(['invalid-ports', 'invalid-target', 'unresolvable-target', 'invalid-command', 'unknown-topic']),
    message: z.string().max(2000),
    suggestion: z.string().max(260).exactOptional(),
  }),
]);

/**
 * The job's return value. `refused`: the agent's own policy (or its reading of the targets and
 * ports) said no before a single packet; a refusal is an answer, not a failure.
 */
export const agentAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ version: z.literal(CONTRACT_VERSION), kind: z.literal('result'), report: transportReportSchema, stopped: z.enum(STOP_REASONS).exactOptional() }),
  z.strictObject({ version: z.literal(CONTRACT_VERSION), kind: z.literal('refused'), problem: problemSchema }),
]);
export type AgentAnswer =
  | { readonly version: typeof CONTRACT_VERSION; readonly kind: 'result'; readonly report: TransportReport; readonly stopped?: StopReason }
  | { readonly version: typeof CONTRACT_VERSION; readonly kind: 'refused'; readonly problem: Problem };

/**
 * A failure travels as BullMQ's failed state; its reason is `<code>: <message>`. Codes an agent
 * sends: `invalid-job` (the data does not fit this contract), `expired` (its deadline passed
 * before an agent took it), `scan-failed` (the scanner broke). BullMQ's own stalled-job limit
 * arrives as `agent-lost`.
 */
export interface AgentFailure {
  readonly code: string;
  readonly message: string;
}

export const failureReason = (failure: AgentFailure): string => `${failure.code}: ${failure.message}`;

/** Reads a BullMQ failedReason back into a code and a line. */
export function failureFromReason(reason: string | undefined): AgentFailure {
  const text = (reason ?? '').split('\n')[0]!.slice(0, 2000);
  const coded = /^([a-z][a-z-]{1,40}): (.+)$/.exec(text);
  if (coded !== null) return { code: coded[1]!, message: coded[2]! };
  if (/stalled more than allowable limit/i.test(text)) return { code: 'agent-lost', message: 'the agents running this scan stopped answering twice (each was killed or lost its connection); it was not retried again' };
  return { code: 'agent-failed', message: text === '' ? 'the agent gave no reason' : text };
}
